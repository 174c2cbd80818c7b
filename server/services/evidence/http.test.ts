/** The upload and download routes, called with real requests, a real database and a real folder. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAreaWithPlan, createEvidence, createMembership, createUser } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { evidenceFileRoute, uploadEvidenceRoute, MAX_UPLOAD_BODY_BYTES } from "@/server/services/evidence/http";
import * as sample from "@/server/testing/upload-samples";
import { contextFor, testDb } from "@/server/testing/harness";

const storageDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = await mkdtemp(p.join(os.tmpdir(), "headway-evidence-http-"));
  process.env.STORAGE_DIR = dir;
  delete process.env.S3_BUCKET;
  return dir;
});

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let contributor: Viewer;
let forum: Viewer;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  const c = await createUser(db);
  const f = await createUser(db);
  await createMembership(db, { userId: c.id, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
  await createMembership(db, { userId: f.id, localAreaId: area.localAreaId, role: "FORUM" });
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: c.id } });
  contributor = viewerOf((await contextFor(db, c.id)).session)!;
  forum = viewerOf((await contextFor(db, f.id)).session)!;
});
afterAll(async () => {
  await db.$disconnect();
  const { rm } = await import("node:fs/promises");
  await rm(storageDir, { recursive: true, force: true });
});

function uploadForm(o: { file?: File | null; title?: string; visibility?: string } = {}) {
  const form = new FormData();
  form.set("actionId", area.actionId);
  form.set("title", o.title ?? "Survey results");
  form.set("description", "");
  form.set("kind", "IMPACT");
  form.set("visibility", o.visibility ?? "INTERNAL");
  const file = o.file === undefined ? new File([sample.pdf()], "Survey results – March.pdf", { type: "application/pdf" }) : o.file;
  if (file) form.set("file", file);
  return form;
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://headway.test/api/evidence", { method: "POST", body, headers, duplex: "half" } as RequestInit);

const upload = (request: Request, viewer: Viewer | null = contributor) =>
  uploadEvidenceRoute(request, { db, viewer, requestId: randomUUID() }, {});

const download = (viewer: Viewer | null, id: string) =>
  evidenceFileRoute(new Request(`http://headway.test/api/evidence/${id}/file`), { db, viewer, requestId: randomUUID() }, { id });

describe("POST /api/evidence", () => {
  it("stores an upload and answers 201 with its id", async () => {
    const response = await upload(post(uploadForm()));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await db.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
      actionId: area.actionId,
      kind: "IMPACT",
      fileName: "Survey results – March.pdf",
      mimeType: "application/pdf",
    });
  });

  it("answers 401 to someone not signed in", async () => {
    const response = await upload(post(uploadForm()), null);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Sign in to continue." });
  });

  it("refuses a PDF name over other content with the sentence, against the file field", async () => {
    const response = await upload(post(uploadForm({ file: new File([new Uint8Array(sample.png())], "report.pdf", { type: "application/pdf" }) })));
    expect(response.status).toBe(400);
    const message = "The selected file is not a PDF: its content does not match its .pdf name";
    expect(await response.json()).toEqual({ message, fieldErrors: { file: message } });
  });

  it("reports missing fields and a missing file against their fields", async () => {
    const response = await upload(post(uploadForm({ file: null, title: " " })));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "Enter a title",
      fieldErrors: { title: "Enter a title", file: "Select a file to upload" },
    });
  });

  it("answers 403 to an action the person does not own, and 404 to one they cannot read", async () => {
    const form = uploadForm();
    const other = await createAreaWithPlan(db);
    expect((await upload(post(form), forum)).status).toBe(403);
    form.set("actionId", other.actionId);
    expect((await upload(post(form))).status).toBe(404);
  });

  it("refuses a body over the limit before reading it when Content-Length says so", async () => {
    const response = await upload(
      post("x", { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD_BODY_BYTES + 1) }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ message: "The file must be smaller than 20 MB" });
  });

  it("stops reading a body that grows past the limit without saying its length", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > MAX_UPLOAD_BODY_BYTES + 5 * chunk.length) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await upload(post(stream, { "content-type": "multipart/form-data; boundary=x" }));
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 5 * chunk.length);
  });

  it("refuses a post from another site, and a body that is not a form", async () => {
    expect((await upload(post(uploadForm(), { "sec-fetch-site": "cross-site" }))).status).toBe(403);
    expect((await upload(post(JSON.stringify({ title: "x" }), { "content-type": "application/json" }))).status).toBe(415);
  });
});

describe("GET /api/evidence/<id>/file", () => {
  it("sends the file as a download that is neither sniffed nor cached", async () => {
    const form = uploadForm({ visibility: "PARTNERS" });
    const { id } = (await (await upload(post(form))).json()) as { id: string };
    const response = await download(forum, id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sample.pdf());
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": "attachment; filename*=UTF-8''Survey%20results%20%E2%80%93%20March.pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
  });

  it("answers 404 alike for no access, no file, a link and a malformed id", async () => {
    const { id: internal } = (await (await upload(post(uploadForm()))).json()) as { id: string };
    const link = await createEvidence(db, { actionId: area.actionId, visibility: "PARTNERS" });
    for (const [viewer, id] of [
      [forum, internal],
      [null, internal],
      [contributor, "doesnotexist123"],
      [contributor, link.id],
      [contributor, "../../etc/passwd"],
    ] as const) {
      const response = await download(viewer, id);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("That file does not exist or you do not have access to it.");
    }
    expect((await download(contributor, internal)).status).toBe(200);
  });
});
