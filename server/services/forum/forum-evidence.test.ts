/** The forum's own evidence: on actions and findings of its area, shared (never internal), by its own path. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAreaWithPlan, createMeasure } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import { uploadEvidenceRoute } from "@/server/services/evidence/http";
import * as sample from "@/server/testing/upload-samples";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, contextFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

const storageDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = await mkdtemp(p.join(os.tmpdir(), "headway-forum-evidence-"));
  process.env.STORAGE_DIR = dir;
  delete process.env.S3_BUCKET;
  return dir;
});

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
const users: Record<string, string> = {};

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  otherArea = await createAreaWithPlan(db);
  users.FORUM = await createMember(db, area.localAreaId, "FORUM");
  users.LEAD = await createMember(db, area.localAreaId, "LEAD");
  users.OTHER_FORUM = await createMember(db, otherArea.localAreaId, "FORUM");
});
afterAll(async () => {
  await db.$disconnect();
  const { rm } = await import("node:fs/promises");
  await rm(storageDir, { recursive: true, force: true });
});

const link = (o: Record<string, unknown> = {}) => ({
  actionId: area.actionId,
  title: "Forum survey: March",
  kind: "IMPACT" as const,
  visibility: "PARTNERS" as const,
  url: "https://forum.example/survey",
  ...o,
});

describe("forum evidence links", () => {
  it("a forum member adds a link to an action and a finding; the forum view lists it", async () => {
    const api = await callerFor(db, users.FORUM!);
    const onAction = await api.forum.addEvidenceLink(link());
    const onFinding = await api.forum.addEvidenceLink(link({ actionId: undefined, findingId: area.findingId, visibility: "PUBLIC" }));
    const view = await (await callerFor(db, users.LEAD!)).forum.view({ slug: area.slug });
    expect(view.evidence.map((e) => e.id)).toEqual(expect.arrayContaining([onAction.id, onFinding.id]));
    expect(await db.auditEvent.count({ where: { entityId: onAction.id, action: "forum.addEvidenceLink" } })).toBe(1);
  });

  it("once the lead withdraws a link, the forum's view says who withdrew it and why, and links nowhere", async () => {
    const added = await (await callerFor(db, users.FORUM!)).forum.addEvidenceLink(link({ title: "Forum survey: withdrawn" }));
    await (await callerFor(db, users.LEAD!)).evidence.withdraw({ id: added.id, reason: "It quotes a family by name." });
    const view = await (await callerFor(db, users.FORUM!)).forum.view({ slug: area.slug });
    const item = view.evidence.find((e) => e.id === added.id)!;
    const leadName = (await db.user.findUniqueOrThrow({ where: { id: users.LEAD! } })).name;
    expect(item).toMatchObject({ href: null, withdrawn: { by: leadName, reason: "It quotes a family by name." } });
  });

  it("never internal, never on a measure, not for the lead by this path, not in another area", async () => {
    const api = await callerFor(db, users.FORUM!);
    expect(fieldErrors(await refusal(api.forum.addEvidenceLink(link({ visibility: "INTERNAL" }))))).toEqual({
      visibility: "Share the forum's evidence with partners or the public",
    });
    const measure = await createMeasure(db, { planId: area.planId, localAreaId: area.localAreaId });
    expect((await refusal(api.forum.addEvidenceLink(link({ actionId: undefined, measureId: measure.id })))).code).toBe("BAD_REQUEST");
    expect((await refusal((await callerFor(db, users.LEAD!)).forum.addEvidenceLink(link()))).code).toBe("FORBIDDEN");
    expect((await refusal((await callerFor(db, users.OTHER_FORUM!)).forum.addEvidenceLink(link()))).code).toBe("NOT_FOUND");
  });
});

describe("forum uploads", () => {
  const form = (path: string | null, visibility = "PARTNERS") => {
    const f = new FormData();
    f.set("actionId", area.actionId);
    f.set("title", "Survey results");
    f.set("description", "");
    f.set("kind", "IMPACT");
    f.set("visibility", visibility);
    f.set("file", new File([sample.pdf()], "Survey results.pdf", { type: "application/pdf" }));
    if (path) f.set("path", path);
    return new Request("http://headway.test/api/evidence", { method: "POST", body: f, duplex: "half" } as RequestInit);
  };
  const upload = async (request: Request, userId: string) =>
    uploadEvidenceRoute(request, { db, viewer: viewerOf((await contextFor(db, userId)).session), requestId: randomUUID() }, {});

  it("a forum member uploads by the forum path; without it the council's rule refuses them", async () => {
    expect((await upload(form("forum"), users.FORUM!)).status).toBe(201);
    expect((await upload(form(null), users.FORUM!)).status).toBe(403);
    expect((await upload(form("forum", "INTERNAL"), users.FORUM!)).status).toBe(400);
    expect((await upload(form("forum"), users.LEAD!)).status).toBe(403);
  });
});
