/**
 * Evidence against a real database and a real folder: uploads are checked by content, stored
 * under generated names and recorded with their hash; people see and download only what their
 * role allows; the lead's review and "ready for inspectors" follow their rules; all is audited.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAction, createAreaWithPlan, createEvidence, createFinding, createMeasure } from "@/prisma/factories";
import { viewerOf, type AuthedContext } from "@/server/api/trpc";
import type { AreaRole } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import * as sample from "@/server/testing/upload-samples";
import { MAX_EVIDENCE_BYTES, type UploadEvidenceFields } from "@/server/schemas/evidence";
import { evidenceFile, evidenceFor, reviewEvidence, setReadyForInspectors, uploadEvidence } from "@/server/services/evidence/evidence";
import { callerFor, contextFor, createMember, testDb } from "@/server/testing/harness";

// Before any import reads the environment: files go to a folder of this run's own.
const storageDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = await mkdtemp(p.join(os.tmpdir(), "headway-evidence-test-"));
  process.env.STORAGE_DIR = dir;
  delete process.env.S3_BUCKET;
  return dir;
});

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
const users = {} as Record<AreaRole | "OTHER_LEAD", string>;
/** An action in area A that the CONTRIBUTOR does not own. */
let othersActionId: string;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  otherArea = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) users[role] = await createMember(db, area.localAreaId, role);
  users.OTHER_LEAD = await createMember(db, otherArea.localAreaId, "LEAD");
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: users.CONTRIBUTOR } });
  othersActionId = (await createAction(db, { findingId: area.findingId, ownerId: users.LEAD })).id;
});
afterAll(async () => {
  await db.$disconnect();
  const { rm } = await import("node:fs/promises");
  await rm(storageDir, { recursive: true, force: true });
});

async function ctxFor(userId: string): Promise<AuthedContext> {
  const ctx = await contextFor(db, userId);
  return { ...ctx, viewer: viewerOf(ctx.session)! };
}

const fields = (o: Partial<UploadEvidenceFields> = {}): UploadEvidenceFields => ({
  actionId: area.actionId,
  title: "Minutes of the co-production workshop",
  description: "",
  kind: "ACTIVITY",
  visibility: "INTERNAL",
  ...o,
});

const pdfFile = (name = "Workshop minutes.pdf") => ({ name, type: "application/pdf", bytes: sample.pdf() });

/** Every file under the storage folder, as keys ("2026/uuid-hash"). */
async function storedKeys(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError || error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal, but it succeeded");
}

describe("uploading a file", () => {
  it("stores it under a generated name with its hash, records it and audits it", async () => {
    const ctx = await ctxFor(users.CONTRIBUTOR);
    const file = pdfFile("C:\\fakepath\\Workshop minutes.pdf");
    const { id } = await uploadEvidence(ctx, fields(), file);

    const row = await db.evidence.findUniqueOrThrow({ where: { id } });
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    expect(row).toMatchObject({
      localAreaId: area.localAreaId,
      actionId: area.actionId,
      fileName: "Workshop minutes.pdf",
      fileSize: file.bytes.length,
      mimeType: "application/pdf",
      sha256,
      url: null,
      reviewStatus: "PENDING",
      readyForInspectors: false,
      uploadedById: users.CONTRIBUTOR,
    });
    expect(row.storageKey).toMatch(new RegExp(`^\\d{4}/[0-9a-f-]{36}-${sha256.slice(0, 16)}$`));
    expect(row.storageKey).not.toContain("minutes");
    expect(await readFile(path.join(storageDir, row.storageKey!))).toEqual(file.bytes);

    const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "evidence.upload", entityType: "Evidence", entityId: id, actorId: users.CONTRIBUTOR, localAreaId: area.localAreaId });
    expect(events[0]!.after).toMatchObject({ fileName: "Workshop minutes.pdf", sha256 });
  });

  it("refuses a file with a PDF name but other content, and writes nothing (no row, no file, no audit)", async () => {
    const ctx = await ctxFor(users.CONTRIBUTOR);
    const [rowsBefore, filesBefore] = [await db.evidence.count(), await storedKeys()];
    const result = await refusal(uploadEvidence(ctx, fields(), { name: "report.pdf", type: "application/pdf", bytes: sample.png() }));
    expect(result).toEqual({ code: "INVALID", message: "The selected file is not a PDF: its content does not match its .pdf name" });
    expect(await db.evidence.count()).toBe(rowsBefore);
    expect(await storedKeys()).toEqual(filesBefore);
    expect(await db.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });

  it("refuses a 21 MB file and writes nothing", async () => {
    const ctx = await ctxFor(users.LEAD);
    const bytes = Buffer.alloc(21 * 1024 * 1024, 0x20);
    sample.pdf().copy(bytes);
    expect(bytes.length).toBeGreaterThan(MAX_EVIDENCE_BYTES);
    const [rowsBefore, filesBefore] = [await db.evidence.count(), await storedKeys()];
    expect(await refusal(uploadEvidence(ctx, fields(), { name: "big.pdf", type: "application/pdf", bytes }))).toEqual({
      code: "INVALID",
      message: "The file must be smaller than 20 MB",
    });
    expect(await db.evidence.count()).toBe(rowsBefore);
    expect(await storedKeys()).toEqual(filesBefore);
  });

  it("removes the stored file again when the row cannot be written", async () => {
    const ctx = await ctxFor(users.CONTRIBUTOR);
    const failing = new Proxy(db, {
      get: (target, key, receiver) =>
        key === "$transaction" ? () => Promise.reject(new Error("the database went away")) : Reflect.get(target, key, receiver),
    });
    const filesBefore = await storedKeys();
    await expect(uploadEvidence({ ...ctx, db: failing }, fields(), pdfFile())).rejects.toThrow("the database went away");
    expect(await storedKeys()).toEqual(filesBefore);
  });
});

describe("who may add evidence", () => {
  it("a CONTRIBUTOR cannot add to an action they do not own: neither a file nor a link", async () => {
    const ctx = await ctxFor(users.CONTRIBUTOR);
    const filesBefore = await storedKeys();
    expect(await refusal(uploadEvidence(ctx, fields({ actionId: othersActionId }), pdfFile()))).toEqual({
      code: "FORBIDDEN",
      message: "You can add evidence only to actions you own.",
    });
    const caller = await callerFor(db, users.CONTRIBUTOR);
    const link = { ...fields({ actionId: othersActionId }), url: "https://evidence.example/minutes" };
    expect((await refusal(caller.evidence.addLink(link))).code).toBe("FORBIDDEN");
    expect(await db.evidence.count({ where: { actionId: othersActionId } })).toBe(0);
    expect(await storedKeys()).toEqual(filesBefore);
  });

  it("a finding takes plan.edit (the LEAD, not a CONTRIBUTOR); a measure takes its owner or the LEAD", async () => {
    const finding = await createFinding(db, { planId: area.planId });
    const measure = await createMeasure(db, { planId: area.planId, ownerId: users.CONTRIBUTOR });
    const unowned = await createMeasure(db, { planId: area.planId });
    const contributor = await ctxFor(users.CONTRIBUTOR);
    expect((await refusal(uploadEvidence(contributor, fields({ actionId: undefined, findingId: finding.id }), pdfFile()))).code).toBe("FORBIDDEN");
    expect((await refusal(uploadEvidence(contributor, fields({ actionId: undefined, measureId: unowned.id }), pdfFile()))).code).toBe("FORBIDDEN");
    const onMeasure = await uploadEvidence(contributor, fields({ actionId: undefined, measureId: measure.id, kind: "IMPACT" }), pdfFile());
    const onFinding = await uploadEvidence(await ctxFor(users.LEAD), fields({ actionId: undefined, findingId: finding.id }), pdfFile());
    expect(await db.evidence.findUniqueOrThrow({ where: { id: onMeasure.id } })).toMatchObject({ measureId: measure.id, actionId: null, kind: "IMPACT" });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: onFinding.id } })).toMatchObject({ findingId: finding.id, actionId: null });
  });

  it("a link is refused unless it is http or https", async () => {
    const caller = await callerFor(db, users.LEAD);
    const result = await refusal(caller.evidence.addLink({ ...fields(), url: "javascript:alert(1)" }));
    expect(result.code).toBe("BAD_REQUEST");
  });
});

describe("who may see evidence", () => {
  let internalId: string;
  let partnersId: string;
  let publicId: string;

  beforeAll(async () => {
    const lead = await ctxFor(users.LEAD);
    const target = { findingId: undefined, measureId: undefined };
    internalId = (await uploadEvidence(lead, fields({ ...target, title: "Internal", visibility: "INTERNAL" }), pdfFile())).id;
    partnersId = (await uploadEvidence(lead, fields({ ...target, title: "Partners", visibility: "PARTNERS" }), pdfFile())).id;
    publicId = (await uploadEvidence(lead, fields({ ...target, title: "Public", visibility: "PUBLIC" }), pdfFile())).id;
  });

  it("the FORUM sees partners' and public evidence but not INTERNAL; a VIEWER sees all three", async () => {
    const forum = await evidenceFor(await ctxFor(users.FORUM), { actionId: area.actionId });
    const ids = forum.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([partnersId, publicId]));
    expect(ids).not.toContain(internalId);
    expect(forum.items.every((i) => i.visibility !== "INTERNAL")).toBe(true);
    expect(forum.viewerCanAdd).toBe(false);

    const viewer = await evidenceFor(await ctxFor(users.VIEWER), { actionId: area.actionId });
    expect(viewer.items.map((i) => i.id)).toEqual(expect.arrayContaining([internalId, partnersId, publicId]));
    const item = viewer.items.find((i) => i.id === internalId)!;
    expect(item.file).toEqual({ name: "Workshop minutes.pdf", size: sample.pdf().length, href: `/api/evidence/${internalId}/file` });
    expect(item).not.toHaveProperty("storageKey");
  });

  it("downloads follow the same rule: the FORUM gets nothing for INTERNAL evidence", async () => {
    const forum = { db, viewer: viewerOf((await contextFor(db, users.FORUM)).session) };
    expect(await evidenceFile(forum, internalId)).toBeNull();
    expect(await evidenceFile(forum, partnersId)).toEqual({ bytes: sample.pdf(), mimeType: "application/pdf", fileName: "Workshop minutes.pdf" });
    const viewer = { db, viewer: viewerOf((await contextFor(db, users.VIEWER)).session) };
    expect((await evidenceFile(viewer, internalId))?.bytes).toEqual(sample.pdf());
  });

  it("anonymous visitors get only accepted PUBLIC files of an area whose public page is published", async () => {
    const anonymous = { db, viewer: null };
    expect(await evidenceFile(anonymous, publicId)).toBeNull(); // pending, area unpublished
    await db.evidence.update({ where: { id: publicId }, data: { reviewStatus: "ACCEPTED" } });
    expect(await evidenceFile(anonymous, publicId)).toBeNull(); // area unpublished
    await db.localArea.update({ where: { id: area.localAreaId }, data: { publicPagePublished: true } });
    try {
      expect((await evidenceFile(anonymous, publicId))?.bytes).toEqual(sample.pdf());
      await db.evidence.update({ where: { id: partnersId }, data: { reviewStatus: "ACCEPTED" } });
      expect(await evidenceFile(anonymous, partnersId)).toBeNull();
      expect(await evidenceFile(anonymous, internalId)).toBeNull();
    } finally {
      await db.localArea.update({ where: { id: area.localAreaId }, data: { publicPagePublished: false } });
      await db.evidence.updateMany({ where: { id: { in: [publicId, partnersId] } }, data: { reviewStatus: "PENDING" } });
    }
  });

  it("refuses to serve a stored file that no longer matches its hash", async () => {
    const row = await db.evidence.findUniqueOrThrow({ where: { id: partnersId } });
    const lead = { db, viewer: viewerOf((await contextFor(db, users.LEAD)).session) };
    await writeFile(path.join(storageDir, row.storageKey!), Buffer.from("%PDF-1.4 altered"));
    await expect(evidenceFile(lead, partnersId)).rejects.toThrow("does not match its SHA-256");
  });

  it("another area's evidence is NOT_FOUND, to read, add, review or download", async () => {
    const other = await callerFor(db, users.OTHER_LEAD);
    const pending = await createEvidence(db, { actionId: area.actionId });
    expect((await refusal(other.evidence.forTarget({ actionId: area.actionId }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.evidence.addLink({ ...fields(), url: "https://evidence.example/x" }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.evidence.review({ id: pending.id, decision: "ACCEPTED" }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.evidence.setReady({ id: pending.id, ready: false }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.evidence.awaitingReview({ slug: area.slug }))).code).toBe("NOT_FOUND");
    expect((await refusal(uploadEvidence(await ctxFor(users.OTHER_LEAD), fields(), pdfFile()))).code).toBe("NOT_FOUND");
    const viewer = viewerOf((await contextFor(db, users.OTHER_LEAD)).session);
    expect(await evidenceFile({ db, viewer }, internalId)).toBeNull();
  });
});

describe("the lead's review", () => {
  it("needs a note to reject, then records who rejected it, when and why", async () => {
    const evidence = await createEvidence(db, { actionId: area.actionId });
    const lead = await callerFor(db, users.LEAD);
    const noNote = await refusal(lead.evidence.review({ id: evidence.id, decision: "REJECTED", note: "  " }));
    expect(noNote.code).toBe("BAD_REQUEST");
    // The service holds the rule too, for callers that skip the schema.
    expect(await refusal(reviewEvidence(await ctxFor(users.LEAD), { id: evidence.id, decision: "REJECTED" }))).toEqual({
      code: "INVALID",
      message: "Enter a note saying why the evidence is rejected",
    });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).reviewStatus).toBe("PENDING");

    await lead.evidence.review({ id: evidence.id, decision: "REJECTED", note: "These are the minutes of a different meeting." });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({
      reviewStatus: "REJECTED",
      reviewNote: "These are the minutes of a different meeting.",
      reviewedById: users.LEAD,
      reviewedAt: expect.any(Date),
    });
  });

  it("is the LEAD's alone: a CONTRIBUTOR and the FORUM are refused", async () => {
    const evidence = await createEvidence(db, { actionId: area.actionId, visibility: "PARTNERS" });
    for (const who of [users.CONTRIBUTOR, users.FORUM, users.ADVISER]) {
      const caller = await callerFor(db, who);
      expect((await refusal(caller.evidence.review({ id: evidence.id, decision: "ACCEPTED" }))).code).toBe("FORBIDDEN");
      expect((await refusal(caller.evidence.awaitingReview({ slug: area.slug }))).code).toBe("FORBIDDEN");
    }
  });

  it("marks evidence ready for inspectors only once accepted; rejecting takes it out again", async () => {
    const evidence = await createEvidence(db, { actionId: area.actionId });
    const lead = await ctxFor(users.LEAD);
    expect(await refusal(setReadyForInspectors(lead, { id: evidence.id, ready: true }))).toEqual({
      code: "INVALID",
      message: "Only accepted evidence can be marked ready for inspectors: accept it first.",
    });
    await reviewEvidence(lead, { id: evidence.id, decision: "ACCEPTED" });
    expect(await setReadyForInspectors(lead, { id: evidence.id, ready: true })).toMatchObject({ readyForInspectors: true });
    await reviewEvidence(lead, { id: evidence.id, decision: "REJECTED", note: "Superseded by the March data." });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).readyForInspectors).toBe(false);
  });

  it("audits every change with what it was before and after", async () => {
    const evidence = await createEvidence(db, { actionId: area.actionId });
    const lead = await ctxFor(users.LEAD);
    await reviewEvidence(lead, { id: evidence.id, decision: "ACCEPTED", note: "Clear and dated." });
    await setReadyForInspectors(lead, { id: evidence.id, ready: true });
    const events = await db.auditEvent.findMany({ where: { entityId: evidence.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.requestId, e.actorId])).toEqual([
      ["evidence.review", lead.requestId, users.LEAD],
      ["evidence.setReady", lead.requestId, users.LEAD],
    ]);
    expect(events[0]).toMatchObject({
      before: { reviewStatus: "PENDING", reviewNote: null, readyForInspectors: false },
      after: { reviewStatus: "ACCEPTED", reviewNote: "Clear and dated.", readyForInspectors: false },
    });
    expect(events[1]).toMatchObject({ before: { readyForInspectors: false }, after: { readyForInspectors: true } });

    const caller = await callerFor(db, users.CONTRIBUTOR);
    const link = await caller.evidence.addLink({ ...fields(), url: "https://evidence.example/survey" });
    expect(await db.auditEvent.findFirst({ where: { entityId: link.id } })).toMatchObject({
      action: "evidence.addLink",
      actorId: users.CONTRIBUTOR,
      after: { url: "https://evidence.example/survey", visibility: "INTERNAL" },
    });
  });

  it("lists what awaits review for the area, oldest first, with what each item is for", async () => {
    const first = await createEvidence(db, { actionId: area.actionId, createdAt: new Date("2020-01-01T00:00:00Z") });
    const accepted = await createEvidence(db, { actionId: area.actionId, reviewStatus: "ACCEPTED" });
    await createEvidence(db, { actionId: otherArea.actionId });
    const { area: a, items } = await (await callerFor(db, users.LEAD)).evidence.awaitingReview({ slug: area.slug });
    expect(a.slug).toBe(area.slug);
    expect(items[0]!.id).toBe(first.id);
    expect(items.map((i) => i.id)).not.toContain(accepted.id);
    expect(items.every((i) => i.reviewStatus === "PENDING")).toBe(true);
    expect(await db.evidence.count({ where: { id: { in: items.map((i) => i.id) }, localAreaId: { not: area.localAreaId } } })).toBe(0);
    expect(items[0]!.target).toMatchObject({ kind: "action", href: `/local-areas/${area.slug}/actions/${area.actionId}` });
    expect(items[0]!.target.label).toMatch(/^Action 1\.1 /);
  });
});

describe("the lead's withdrawal", () => {
  it("deletes the file from storage and keeps the record, saying who withdrew it, when and why; audited", async () => {
    const { id } = await uploadEvidence(await ctxFor(users.CONTRIBUTOR), fields({ title: "Minutes naming a child" }), pdfFile("Minutes.pdf"));
    const { storageKey } = await db.evidence.findUniqueOrThrow({ where: { id } });
    expect(await storedKeys()).toContain(storageKey);

    const lead = await callerFor(db, users.LEAD);
    await lead.evidence.withdraw({ id, reason: "  It names a child.  " });

    // Gone from storage: not on disk, not through the store, not by download.
    expect(await storedKeys()).not.toContain(storageKey);
    const { getStorage } = await import("@/server/storage/storage");
    expect(await getStorage().get(storageKey!)).toBeNull();
    expect(await evidenceFile({ db, viewer: (await ctxFor(users.LEAD)).viewer }, id)).toBeNull();

    const row = await db.evidence.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      title: "Minutes naming a child",
      withdrawnById: users.LEAD,
      withdrawalReason: "It names a child.",
      storageKey: null,
      fileName: null,
      url: null,
      readyForInspectors: false,
    });
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    expect(row.fileDeletedAt).toEqual(row.withdrawnAt);

    const { items } = await (await callerFor(db, users.VIEWER)).evidence.forTarget({ actionId: area.actionId });
    const item = items.find((i) => i.id === id)!;
    const leadName = (await db.user.findUniqueOrThrow({ where: { id: users.LEAD } })).name;
    expect(item.file).toBeNull();
    expect(item.withdrawn).toEqual({ at: row.withdrawnAt, by: leadName, reason: "It names a child." });

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "evidence.withdraw" } });
    expect(event).toMatchObject({ actorId: users.LEAD, localAreaId: area.localAreaId });
    expect(event.after).toMatchObject({ reason: "It names a child.", fileDeleted: true });
    // The audit trail cannot be changed later, so it keeps neither the file's name nor the link.
    expect(JSON.stringify(event)).not.toContain("Minutes.pdf");
  });

  it("withdraws a link too, clearing it", async () => {
    const link = await createEvidence(db, { actionId: area.actionId, url: "https://evidence.example/family-survey" });
    await (await callerFor(db, users.LEAD)).evidence.withdraw({ id: link.id, reason: "The survey page names a family." });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ url: null, withdrawalReason: "The survey page names a family." });
  });

  it("is the lead's alone, needs a reason, and happens once; a refusal leaves the file where it was", async () => {
    const { id } = await uploadEvidence(await ctxFor(users.CONTRIBUTOR), fields(), pdfFile());
    const { storageKey } = await db.evidence.findUniqueOrThrow({ where: { id } });
    for (const who of ["CONTRIBUTOR", "VIEWER", "ADVISER", "OTHER_LEAD"] as const) {
      const r = await refusal((await callerFor(db, users[who])).evidence.withdraw({ id, reason: "No" }));
      expect(r.code, who).toBe(who === "OTHER_LEAD" ? "NOT_FOUND" : "FORBIDDEN");
    }
    const lead = await callerFor(db, users.LEAD);
    expect((await refusal(lead.evidence.withdraw({ id, reason: "   " }))).code).toBe("BAD_REQUEST");
    expect(await storedKeys()).toContain(storageKey);
    expect((await db.evidence.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();

    await lead.evidence.withdraw({ id, reason: "Duplicate of the signed copy." });
    expect((await refusal(lead.evidence.withdraw({ id, reason: "Again" }))).code).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "evidence.withdraw" } })).toBe(1);
  });
});
