/** The plan import route, called with real requests on a real database, as the import page calls it. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createMembership, createUser } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import type { AreaRole } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { MAX_IMPORT_BODY_BYTES, planImportRoute } from "@/server/services/plan-transfer/http";
import { planRows, writeXlsx } from "@/server/services/plan-transfer/plan-export";
import { digestOf } from "@/server/services/plan-transfer/plan-import";
import { importRequest, postWorkbook, workbookForm } from "@/server/services/plan-transfer/testing-requests";
import { loadAreaState } from "@/server/services/plan-transfer/workbook-state";
import { contextFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let lead: Viewer;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  lead = await memberOf(area.localAreaId, "LEAD");
});
afterAll(() => db.$disconnect());

async function memberOf(localAreaId: string, role: AreaRole): Promise<Viewer> {
  const user = await createUser(db);
  await createMembership(db, { userId: user.id, localAreaId, role });
  return viewerOf((await contextFor(db, user.id)).session)!;
}

const ctxOf = (viewer: Viewer | null) => ({ db, viewer, requestId: randomUUID() });

const call = (request: Request, viewer: Viewer | null = lead, slug = area.slug) => planImportRoute(request, ctxOf(viewer), { slug });

/** The area's plan as exported, with one new finding: a file with something to import. */
async function workbookAddingFinding(ref: string) {
  const rows = planRows((await loadAreaState(db, area.localAreaId))!);
  rows.Findings.push({ ref, kind: "Area for improvement", inspectorsWording: "Wording.", summary: `Finding ${ref}.` });
  return [{ name: "plan.xlsx", bytes: new Uint8Array(await writeXlsx(rows)) }];
}

/** Every row an import could write, and every audit event. */
async function counts() {
  const where = { localAreaId: area.localAreaId };
  return {
    plans: await db.plan.count({ where }),
    findings: await db.finding.count({ where }),
    actions: await db.action.count({ where }),
    measures: await db.measure.count({ where }),
    auditEvents: await db.auditEvent.count({ where }),
  };
}

describe("POST /api/local-areas/<slug>/plan-import", () => {
  it("answers 401 to someone not signed in", async () => {
    const response = await call(importRequest(area.slug, "preview", workbookForm(await workbookAddingFinding("20"))), null);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Sign in to continue." });
  });

  it("answers 404 to another area's lead, and 403 to the area's parent carer forum, writing nothing", async () => {
    const files = await workbookAddingFinding("21");
    const before = await counts();
    const otherLead = await memberOf((await createAreaWithPlan(db)).localAreaId, "LEAD");
    expect((await postWorkbook(ctxOf(otherLead), area.slug, "apply", files)).status).toBe(404);
    const forum = await memberOf(area.localAreaId, "FORUM");
    expect((await postWorkbook(ctxOf(forum), area.slug, "preview", files)).status).toBe(403);
    expect((await postWorkbook(ctxOf(forum), area.slug, "apply", files)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("refuses a post from another site", async () => {
    const before = await counts();
    const response = await call(importRequest(area.slug, "apply", workbookForm(await workbookAddingFinding("22")), { "sec-fetch-site": "cross-site" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "Import a plan from Headway's own pages." });
    expect(await counts()).toEqual(before);
  });

  it("refuses a body over the limit, whether Content-Length says so or it grows past it", async () => {
    const declared = await call(
      importRequest(area.slug, "preview", "x", { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_IMPORT_BODY_BYTES + 1) }),
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ message: "The file must be smaller than 10 MB", fieldErrors: { files: "The file must be smaller than 10 MB" } });

    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > MAX_IMPORT_BODY_BYTES + 5 * chunk.length) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await call(importRequest(area.slug, "preview", stream, { "content-type": "multipart/form-data; boundary=x" }));
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(MAX_IMPORT_BODY_BYTES + 5 * chunk.length);
  });

  it("refuses a body that is not a form (415), a form without files, and a mode it does not know (400)", async () => {
    const json = await call(importRequest(area.slug, "preview", JSON.stringify({ files: [] }), { "content-type": "application/json" }));
    expect(json.status).toBe(415);
    expect(await json.json()).toEqual({ message: "Send the workbook as a form with its files (multipart/form-data)." });

    const empty = await call(importRequest(area.slug, "preview", new FormData()));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ message: "Choose a workbook (.xlsx) or CSV files", fieldErrors: { files: "Choose a workbook (.xlsx) or CSV files" } });

    const mode = await call(importRequest(area.slug, "delete", workbookForm(await workbookAddingFinding("23"))));
    expect(mode.status).toBe(400);
  });

  it("refuses a file name with a NUL, which the audit event could not hold", async () => {
    const [file] = await workbookAddingFinding("24");
    const { status, body } = await postWorkbook(ctxOf(lead), area.slug, "preview", [{ ...file!, name: "walk.xlsx\u0000" }]);
    expect(status).toBe(400);
    expect(body.fieldErrors?.["files.0.name"]).toBe("Remove the hidden or broken character from this text: it cannot be saved");
  });

  it("checks a file without changing the plan, recording only who checked which file", async () => {
    const files = await workbookAddingFinding("25");
    const before = await counts();
    const { status, body } = await postWorkbook(ctxOf(lead), area.slug, "preview", files);
    expect(status).toBe(200);
    expect(body).toMatchObject({ errorCount: 0, changeCount: 1, changes: [{ entity: "Finding", key: "25", kind: "create" }], summary: { created: 1, updated: 0 } });
    expect(await counts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { localAreaId: area.localAreaId }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({
      action: "plan.import.preview",
      actorId: lead.userId,
      after: { files: [{ name: "plan.xlsx", bytes: files[0]!.bytes.byteLength }], sha256: digestOf(files), errors: 0, warnings: 0, changes: 1 },
    });
  });

  it("applies a file: the records, their audit events and the import's", async () => {
    const files = await workbookAddingFinding("26");
    const { status, body } = await postWorkbook(ctxOf(lead), area.slug, "apply", files);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "applied", changeCount: 1, summary: { created: 1, updated: 0 } });
    expect(await db.finding.count({ where: { planId: area.planId, ref: "26" } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { localAreaId: area.localAreaId, action: { in: ["plan.import", "finding.create"] }, actorId: lead.userId } });
    expect(events.map((e) => e.action).sort()).toEqual(["finding.create", "plan.import"]);
    expect(events.find((e) => e.action === "plan.import")!.after).toMatchObject({ source: "web", file: "plan.xlsx", sha256: digestOf(files), created: 1 });
  });

  it("applies nothing from a workbook with errors, and says why", async () => {
    const rows = planRows((await loadAreaState(db, area.localAreaId))!);
    rows.Findings.push({ ref: "27", kind: "Area of everything", inspectorsWording: "Wording.", summary: "A kind that is not one." });
    const files = [{ name: "plan.xlsx", bytes: new Uint8Array(await writeXlsx(rows)) }];
    const before = await counts();
    const { status, body } = await postWorkbook(ctxOf(lead), area.slug, "apply", files);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "refused", errorCount: 1, errors: [{ sheet: "Findings", column: "Kind" }] });
    expect(await counts()).toEqual(before);
  });
});
