/**
 * The route handlers' entries in the permission walk (server/api/route-walk.test.ts): for every
 * app/api/**\/route.ts and each method it exports, the requests to make, the status each caller
 * should get, and, for an answer with a body, what the body may and may not hold. Statuses come
 * from the permission table (server/auth/permissions.ts) through `can`, as the services decide
 * them: no access to the area is "not found", read access without the right is "forbidden".
 */
import { createHash } from "node:crypto";
import { expect } from "vitest";
import { createEvidence, uniq } from "@/prisma/factories";
import { viewerOf, type AuthedContext } from "@/server/api/trpc";
import type { Fixture, Outcome, Who } from "@/server/testing/walk/spec";
import { createWalkFixture, expected, WHO } from "@/server/testing/walk/walk";
import { NEW_AREA_ROUTE_CASES, PLAN_IMPORT_ROUTE_CASES } from "@/server/testing/walk/plan-transfer";
import { TRACKER_IMPORT_ROUTE_CASES } from "@/server/testing/walk/tracker-import";
import { STATISTICS_IMPORT_ROUTE_CASES } from "@/server/testing/walk/statistics-routes";
import { API_ROUTE_CASES, createApiTokenFixture, type ApiTokenFixture } from "@/server/testing/walk/api-routes";
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { can, type AreaCapability, type Viewer } from "@/server/auth/permissions";
import { nationalScope } from "@/server/auth/national-scope";
import { loadSessionUser } from "@/server/auth/session-user";
import { readDocx } from "@/server/services/board-pack/document-text";
import * as sample from "@/server/testing/upload-samples";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Visibility } from "@/server/generated/prisma/enums";
import { uploadEvidence } from "@/server/services/evidence/evidence";
import { takeSnapshot } from "@/server/services/snapshots/snapshots";
import { contextFor } from "@/server/testing/harness";

/** An uploaded file of the fixture, and what decides who may download it. */
type StoredFile = { id: string; localAreaId: string; visibility: Visibility; accepted: boolean; published: boolean; sha256: string };
const FILE_KEYS = ["internal", "partners", "publicPending", "publicAccepted", "otherAreaPublic", "otherAreaInternal"] as const;
type FileKey = (typeof FILE_KEYS)[number];

export type RouteFixture = Fixture & {
  /** Each caller as the app sees them: the session loaded fresh from the database (null: signed out). */
  viewers: Record<Who, Viewer | null>;
  files: Record<FileKey, StoredFile>;
  /** Text planted in area A after its snapshot, so the board pack's "changes since" prints it. */
  text: { internalTitle: string; partnersTitle: string; adviserNote: string; areaName: string; otherAreaName: string };
  /** A snapshot of area B, asked for under area A's address. */
  otherSnapshotId: string;
  /** API tokens of both areas, for the HTTP API's routes (api-routes.ts). */
  apiTokens: ApiTokenFixture;
};

async function authed(db: PrismaClient, userId: string): Promise<AuthedContext> {
  const ctx = await contextFor(db, userId);
  return { ...ctx, viewer: viewerOf(ctx.session)! };
}

/**
 * The walk's fixture (areas A and B, a member of A in every role, NATIONAL, ADMIN, B's lead)
 * with area A's public page published, a snapshot of each area, and files of every visibility.
 * Evidence storage must be configured (STORAGE_DIR) before this runs.
 */
export async function createRouteFixture(db: PrismaClient): Promise<RouteFixture> {
  const fx = await createWalkFixture(db);
  const viewers = {} as Record<Who, Viewer | null>;
  for (const who of WHO) {
    viewers[who] = who === "ANONYMOUS" ? null : viewerOf({ user: (await loadSessionUser(db, fx.users[who]))!, expires: "" });
  }
  await db.localArea.update({ where: { id: fx.area.localAreaId }, data: { publicPagePublished: true, publicPagePublishedAt: new Date() } });
  const lead = await authed(db, fx.users.LEAD);
  const otherLead = await authed(db, fx.users.OTHER_AREA);
  await takeSnapshot(lead, { slug: fx.area.slug, label: "Before the walk" });
  const otherSnapshotId = (await takeSnapshot(otherLead, { slug: fx.otherArea.slug, label: "Area B's board" })).id;

  const text = {
    internalTitle: `Internal escalation ${uniq()}`,
    partnersTitle: `Shared with partners ${uniq()}`,
    adviserNote: `Adviser's private view ${uniq()}`,
    areaName: (await db.localArea.findUniqueOrThrow({ where: { id: fx.area.localAreaId } })).name,
    otherAreaName: (await db.localArea.findUniqueOrThrow({ where: { id: fx.otherArea.localAreaId } })).name,
  };

  const upload = async (ctx: AuthedContext, actionId: string, visibility: Visibility, title: string, accept = false) => {
    const { id } = await uploadEvidence(
      ctx,
      { actionId, title, description: "", kind: "IMPACT", visibility },
      { name: `${title}.pdf`, type: "application/pdf", bytes: Buffer.concat([sample.pdf(), Buffer.from(`%${title}\n`)]) },
    );
    if (accept) await db.evidence.update({ where: { id }, data: { reviewStatus: "ACCEPTED", reviewedById: ctx.viewer.userId, reviewedAt: new Date() } });
    const row = await db.evidence.findUniqueOrThrow({ where: { id }, select: { localAreaId: true, sha256: true, localArea: { select: { publicPagePublished: true } } } });
    return { id, localAreaId: row.localAreaId, visibility, accepted: accept, published: row.localArea.publicPagePublished, sha256: row.sha256! };
  };
  const files: Record<FileKey, StoredFile> = {
    internal: await upload(lead, fx.area.actionId, "INTERNAL", text.internalTitle),
    partners: await upload(lead, fx.area.actionId, "PARTNERS", text.partnersTitle),
    publicPending: await upload(lead, fx.area.actionId, "PUBLIC", `Public, not yet reviewed ${uniq()}`),
    publicAccepted: await upload(lead, fx.area.actionId, "PUBLIC", `Public and accepted ${uniq()}`, true),
    otherAreaPublic: await upload(otherLead, fx.otherArea.actionId, "PUBLIC", `Area B public, page unpublished ${uniq()}`, true),
    otherAreaInternal: await upload(otherLead, fx.otherArea.actionId, "INTERNAL", `Area B internal ${uniq()}`),
  };
  await db.adviserNote.create({
    data: { localAreaId: fx.area.localAreaId, findingId: fx.area.findingId, authorId: fx.users.ADVISER, view: "AT_RISK", date: new Date(), note: text.adviserNote },
  });
  // A link too, so the pack's changes are not only files.
  await createEvidence(db, { actionId: fx.area.actionId, title: `Internal link ${uniq()}`, visibility: "INTERNAL" });
  const apiTokens = await createApiTokenFixture(db, fx);
  return { ...fx, viewers, files, text, otherSnapshotId, apiTokens };
}

// Expected statuses -------------------------------------------------------------------------

const STATUS: Record<Outcome, number> = { OK: 200, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** What a handler held to `capability` on a record of `localAreaId` answers, as the services decide. */
function byTable(capability: AreaCapability, record: { localAreaId: string; ownerId?: string | null }, ok = 200) {
  return (who: Who, rf: RouteFixture): number => {
    const viewer = rf.viewers[who];
    if (!viewer) return 401;
    if (can(viewer, capability, record)) return ok;
    return can(viewer, "plan.read", { localAreaId: record.localAreaId }) ? 403 : 404;
  };
}

/** Downloads: a file the caller may not see answers exactly as no file does. */
function mayDownload(viewer: Viewer | null, f: StoredFile): boolean {
  if (f.visibility === "PUBLIC" && f.accepted && f.published) return true;
  if (!viewer) return false;
  if (can(viewer, "internal.read", f)) return true;
  return f.visibility !== "INTERNAL" && can(viewer, "plan.read", f);
}

// Requests ----------------------------------------------------------------------------------

export type RouteRequest = { path: string; init?: RequestInit; params?: Record<string, string | string[]> };

export type RouteCase = {
  name: string;
  method: "GET" | "POST";
  request: (rf: RouteFixture) => RouteRequest;
  status: (who: Who, rf: RouteFixture) => number;
  /** For the callers who get a 2xx: what the answer holds, and what it must not. */
  check?: (response: Response, who: Who, rf: RouteFixture, db: PrismaClient) => Promise<void>;
};

function uploadForm(rf: RouteFixture, o: { path?: "forum"; visibility: Visibility }) {
  const form = new FormData();
  form.set("actionId", rf.area.actionId);
  form.set("title", `Walk upload ${uniq()}`);
  form.set("description", "");
  form.set("kind", "IMPACT");
  form.set("visibility", o.visibility);
  if (o.path) form.set("path", o.path);
  form.set("file", new File([new Uint8Array(sample.pdf())], "walk.pdf", { type: "application/pdf" }));
  return form;
}

async function uploadedInAreaA(response: Response, who: Who, rf: RouteFixture, db: PrismaClient) {
  const { id } = (await response.json()) as { id: string };
  const row = await db.evidence.findUniqueOrThrow({ where: { id }, select: { localAreaId: true, actionId: true, uploadedById: true } });
  expect(row).toEqual({ localAreaId: rf.area.localAreaId, actionId: rf.area.actionId, uploadedById: rf.users[who as Exclude<Who, "ANONYMOUS">] });
}

function downloadCase(key: FileKey): RouteCase {
  return {
    name: `GET a ${key} file`,
    method: "GET",
    request: (rf) => ({ path: `/api/evidence/${rf.files[key].id}/file`, params: { id: rf.files[key].id } }),
    status: (who, rf) => (mayDownload(rf.viewers[who], rf.files[key]) ? 200 : 404),
    async check(response, _who, rf) {
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(rf.files[key].sha256);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    },
  };
}

const trpcGet = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const trpcPost = (input: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ json: input }),
});

/** Area A's board pack as Word: the forum and viewers get it without what their role may not read. */
async function boardPackHolds(response: Response, who: Who, rf: RouteFixture) {
  const viewer = rf.viewers[who]!;
  const area = { localAreaId: rf.area.localAreaId };
  const { text } = await readDocx(new Uint8Array(await response.arrayBuffer()));
  expect(text).toContain(rf.text.areaName);
  expect(text).toContain(rf.text.partnersTitle);
  expect(text.includes(rf.text.internalTitle), "internal evidence in the pack").toBe(can(viewer, "internal.read", area));
  expect(text.includes(rf.text.adviserNote), "an adviser's note in the pack").toBe(can(viewer, "adviserNote.read", area));
  expect(text).not.toContain(rf.text.otherAreaName);
}

/** The national view's export: the national team and advisers get it; anyone else signed in is refused. */
const nationalExportStatus = (who: Who, rf: RouteFixture) => (!rf.viewers[who] ? 401 : nationalScope(rf.viewers[who]) ? 200 : 403);

/** The areas the export lists: area A for both; area B only for the national team (the walk's adviser advises A). */
function listsTheCallersAreas(names: string[], who: Who, rf: RouteFixture) {
  expect(names).toContain(rf.text.areaName);
  expect(names.includes(rf.text.otherAreaName), "area B in the export").toBe(who === "NATIONAL");
}

/** Every route handler file, relative to the repository, with its requests. */
export const ROUTE_SPECS: Record<string, RouteCase[]> = {
  "app/api/evidence/route.ts": [
    {
      name: "POST a file to area A's action (owned by the contributor)",
      method: "POST",
      request: (rf) => ({ path: "/api/evidence", init: { method: "POST", body: uploadForm(rf, { visibility: "INTERNAL" }) } }),
      status: (who, rf) => byTable("action.update", { localAreaId: rf.area.localAreaId, ownerId: rf.users.CONTRIBUTOR }, 201)(who, rf),
      check: uploadedInAreaA,
    },
    {
      name: "POST the forum's own file (path=forum) to area A's action",
      method: "POST",
      request: (rf) => ({ path: "/api/evidence", init: { method: "POST", body: uploadForm(rf, { path: "forum", visibility: "PARTNERS" }) } }),
      status: (who, rf) => byTable("forum.write", { localAreaId: rf.area.localAreaId }, 201)(who, rf),
      check: uploadedInAreaA,
    },
    {
      name: "POST from another site's page",
      method: "POST",
      request: (rf) => ({
        path: "/api/evidence",
        init: { method: "POST", headers: { "sec-fetch-site": "cross-site" }, body: uploadForm(rf, { visibility: "INTERNAL" }) },
      }),
      status: (who, rf) => (rf.viewers[who] ? 403 : 401),
    },
  ],
  "app/api/evidence/[id]/file/route.ts": [
    ...FILE_KEYS.map(downloadCase),
    {
      name: "GET a file that does not exist",
      method: "GET",
      request: () => ({ path: "/api/evidence/cnosuchevidence000000000/file", params: { id: "cnosuchevidence000000000" } }),
      status: () => 404,
    },
  ],
  "app/api/local-areas/[slug]/board-pack/route.ts": [
    {
      name: "GET area A's board pack as Word",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.area.slug}/board-pack?format=docx`, params: { slug: rf.area.slug } }),
      status: (who, rf) => byTable("boardPack.export", { localAreaId: rf.area.localAreaId })(who, rf),
      check: boardPackHolds,
    },
    {
      name: "GET area B's snapshot under area A's address",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.area.slug}/board-pack?format=docx&snapshot=${rf.otherSnapshotId}`, params: { slug: rf.area.slug } }),
      status: (who, rf) => (rf.viewers[who] ? 404 : 401),
    },
    {
      name: "GET area B's board pack as PDF",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.otherArea.slug}/board-pack?format=pdf`, params: { slug: rf.otherArea.slug } }),
      status: (who, rf) => byTable("boardPack.export", { localAreaId: rf.otherArea.localAreaId })(who, rf),
      async check(response) {
        expect(response.headers.get("content-type")).toBe("application/pdf");
      },
    },
  ],
  "app/api/local-areas/[slug]/plan-export/route.ts": [
    {
      name: "GET area A's plan workbook",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.area.slug}/plan-export`, params: { slug: rf.area.slug } }),
      // Owners' email addresses: for those who read internal records; to the forum it is not there.
      status: (who, rf) => (!rf.viewers[who] ? 401 : can(rf.viewers[who], "internal.read", { localAreaId: rf.area.localAreaId }) ? 200 : 404),
      async check(response) {
        expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2).toString("latin1")).toBe("PK");
      },
    },
    {
      name: "GET area A's Plan sheet as CSV",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.area.slug}/plan-export?format=csv&sheet=Plan`, params: { slug: rf.area.slug } }),
      status: (who, rf) => (!rf.viewers[who] ? 401 : can(rf.viewers[who], "internal.read", { localAreaId: rf.area.localAreaId }) ? 200 : 404),
      async check(response, _who, rf) {
        const csv = await response.text();
        expect(csv).toContain(rf.text.areaName);
        expect(csv).not.toContain(rf.text.otherAreaName);
      },
    },
    {
      name: "GET area B's Plan sheet as CSV",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.otherArea.slug}/plan-export?format=csv&sheet=Plan`, params: { slug: rf.otherArea.slug } }),
      status: (who, rf) => (!rf.viewers[who] ? 401 : can(rf.viewers[who], "internal.read", { localAreaId: rf.otherArea.localAreaId }) ? 200 : 404),
      async check(response, _who, rf) {
        const csv = await response.text();
        expect(csv).toContain(rf.text.otherAreaName);
        expect(csv).not.toContain(rf.text.areaName);
      },
    },
  ],
  ...API_ROUTE_CASES,
  "app/api/local-areas/route.ts": NEW_AREA_ROUTE_CASES,
  "app/api/local-areas/[slug]/plan-import/route.ts": PLAN_IMPORT_ROUTE_CASES,
  "app/api/local-areas/[slug]/tracker-import/route.ts": TRACKER_IMPORT_ROUTE_CASES,
  "app/api/statistics/import/route.ts": STATISTICS_IMPORT_ROUTE_CASES,
  "app/api/local-areas/[slug]/activity/route.ts": [
    {
      name: "GET area A's activity as CSV",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.area.slug}/activity`, params: { slug: rf.area.slug } }),
      status: (who, rf) => byTable("activity.read", { localAreaId: rf.area.localAreaId })(who, rf),
      async check(response, _who, rf) {
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        const csv = await response.text();
        expect(csv).toContain("When (UTC),Who,What,Kind of record,Record,Field,Before,After");
        // Its LEAD and ADVISER read internal evidence: its title is there; nothing of area B is.
        expect(csv).toContain(rf.text.internalTitle);
        expect(csv).not.toContain(rf.text.otherAreaName);
      },
    },
    {
      name: "GET area B's activity as CSV",
      method: "GET",
      request: (rf) => ({ path: `/api/local-areas/${rf.otherArea.slug}/activity`, params: { slug: rf.otherArea.slug } }),
      status: (who, rf) => byTable("activity.read", { localAreaId: rf.otherArea.localAreaId })(who, rf),
    },
  ],
  "app/api/national/export/route.ts": [
    {
      name: "GET the national view as XLSX",
      method: "GET",
      request: () => ({ path: "/api/national/export?format=xlsx" }),
      status: nationalExportStatus,
      async check(response, who, rf) {
        expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        expect(response.headers.get("cache-control")).toBe("private, no-store");
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        const names: string[] = [];
        workbook.getWorksheet("National view")!.eachRow((row, n) => {
          if (n > 1) names.push(String(row.getCell(1).value));
        });
        listsTheCallersAreas(names, who, rf);
      },
    },
    {
      name: "GET the national view as CSV, sorted and filtered",
      method: "GET",
      request: () => ({ path: "/api/national/export?format=csv&sort=red&dir=desc&followUp=NOT_YET" }),
      status: nationalExportStatus,
      async check(response, who, rf) {
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        const records = parseCsv(await response.text(), { bom: true }) as string[][];
        expect(records[0]![0]).toBe("Local area");
        listsTheCallersAreas(records.slice(1).map((r) => r[0]!), who, rf);
      },
    },
    {
      name: "GET the national view in a format there is not",
      method: "GET",
      request: () => ({ path: "/api/national/export?format=pdf" }),
      status: (who, rf) => (nationalExportStatus(who, rf) === 200 ? 400 : nationalExportStatus(who, rf)),
    },
  ],
  "app/api/health/route.ts": [
    {
      name: "GET the health check",
      method: "GET",
      request: () => ({ path: "/api/health" }),
      status: () => 200,
      async check(response) {
        // The same few words for everyone: nothing about the caller or any area.
        const body = (await response.json()) as { status: string; database: Record<string, unknown> };
        expect(Object.keys(body).sort()).toEqual(["database", "status"]);
        expect(Object.keys(body.database).sort()).toEqual(["latencyMs", "ok"]);
      },
    },
  ],
  "app/api/trpc/[trpc]/route.ts": [
    {
      name: "GET the query area.home for area A",
      method: "GET",
      request: (rf) => ({ path: trpcGet("area.home", { slug: rf.area.slug }), params: { trpc: "area.home" } }),
      status: (who, rf) => STATUS[expected("area.home", who, rf)],
      async check(response, _who, rf) {
        const body = (await response.json()) as { result: { data: { json: unknown } } };
        const json = JSON.stringify(body.result.data.json);
        expect(json).toContain(rf.area.localAreaId);
        expect(json).not.toContain(rf.otherArea.localAreaId);
      },
    },
    {
      name: "POST the mutation area.setPublicPage for area A",
      method: "POST",
      request: (rf) => ({ path: "/api/trpc/area.setPublicPage", init: trpcPost({ slug: rf.area.slug, published: true }), params: { trpc: "area.setPublicPage" } }),
      status: (who, rf) => STATUS[expected("area.setPublicPage", who, rf)],
    },
    {
      name: "GET the mutation area.setPublicPage (a link cannot change anything)",
      method: "GET",
      request: (rf) => ({ path: trpcGet("area.setPublicPage", { slug: rf.area.slug, published: false }), params: { trpc: "area.setPublicPage" } }),
      status: () => 405,
    },
  ],
  "app/api/auth/[...nextauth]/route.ts": [
    {
      name: "GET the session",
      method: "GET",
      request: () => ({ path: "/api/auth/session", params: { nextauth: ["session"] } }),
      status: () => 200,
      async check(response, who, rf, db) {
        const body = (await response.json()) as { user?: { id: string; memberships: { localAreaId: string }[] } };
        if (who === "ANONYMOUS") return expect(body).toEqual({});
        // Only the caller, and only their own memberships.
        expect(body.user!.id).toBe(rf.users[who]);
        const own = await db.membership.findMany({ where: { userId: rf.users[who] }, select: { localAreaId: true } });
        expect(body.user!.memberships.map((m) => m.localAreaId).sort()).toEqual(own.map((m) => m.localAreaId).sort());
      },
    },
    {
      name: "POST a password sign-in without the form's CSRF token",
      method: "POST",
      request: (rf) => ({
        path: "/api/auth/callback/password",
        init: {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: `someone-${rf.area.slug}@test.example`, password: "guess", json: "true" }).toString(),
        },
        params: { nextauth: ["callback", "password"] },
      }),
      // next-auth sends the browser back to sign in, with no session.
      status: () => 200,
      async check(response) {
        expect(((await response.json()) as { url: string }).url).toMatch(/\/signin\?csrf=true$/);
        expect(response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
      },
    },
  ],
  "app/api/bench/queries/route.ts": [
    {
      // The benchmark's SQL count: only when the server was started for the benchmark.
      name: "GET the query count (HEADWAY_QUERY_COUNT not set)",
      method: "GET",
      request: () => ({ path: "/api/bench/queries", init: { headers: { "x-forwarded-for": "127.0.0.1" } } }),
      status: () => 404,
    },
  ],
};
