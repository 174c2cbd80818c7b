/**
 * Walks every route handler that exists (app/api/**\/route.ts, found on disk) for every role in an
 * area, a NATIONAL user, an ADMIN, the lead of another area and an anonymous visitor, calling the
 * exported handler as Next does (server/testing/route-scope.ts) with a real signed session cookie,
 * so the real session path runs: next-auth verifies the cookie and the person is loaded fresh.
 * Statuses and bodies are checked against the permission table (server/testing/walk/routes.ts). A
 * handler file or method without an entry fails the first test: add its requests there.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { createMembership, createUser } from "@/prisma/factories";
import { newSessionClaims } from "@/server/auth/session-clock";
import type { Who } from "@/server/testing/walk/spec";
import { WHO } from "@/server/testing/walk/walk";
import { createRouteFixture, ROUTE_SPECS, type RouteFixture } from "@/server/testing/walk/routes";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callRoute, type RouteHandler } from "@/server/testing/route-scope";
import { testDb } from "@/server/testing/harness";

// Before the app's modules load: server/env.js reads these once. A secret of the walk's own, the
// run's database for getDb(), a folder for evidence files, and an http address (so the session
// cookie has its plain name).
const settings = await vi.hoisted(async () => {
  const { testDatabaseUrl } = await import("@/server/testing/worker");
  const { mkdtemp } = await import("node:fs/promises");
  const { randomBytes } = await import("node:crypto");
  const os = await import("node:os");
  const p = await import("node:path");
  const storageDir = await mkdtemp(p.join(os.tmpdir(), "headway-route-walk-"));
  const secret = randomBytes(32).toString("base64url");
  Object.assign(process.env, { DATABASE_URL: testDatabaseUrl(), NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://headway.test", STORAGE_DIR: storageDir });
  delete process.env.S3_BUCKET;
  delete process.env.HEADWAY_QUERY_COUNT;
  return { storageDir, secret };
});

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every route handler file under app/api, as a path from the repository root. */
const routeFiles = (readdirSync(path.join(ROOT, "app/api"), { recursive: true }) as string[])
  .filter((f) => path.basename(f) === "route.ts")
  .map((f) => path.posix.join("app/api", f.split(path.sep).join("/")))
  .sort();

/** "app/api/evidence/[id]/file/route.ts" → "/api/evidence/[id]/file" */
const pageOf = (file: string) => `/${path.posix.dirname(file).replace(/^app\//, "")}`;

const load = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

/**
 * A session cookie as next-auth issues one at sign-in: an encrypted JWT naming the user, with the
 * session's id and times (server/auth/session-clock.ts).
 */
async function sessionCookie(userId: string, o: { secret?: string; maxAge?: number } = {}) {
  const token = await encode({ token: { sub: userId, ...newSessionClaims(Date.now()) }, secret: o.secret ?? settings.secret, maxAge: o.maxAge });
  return `next-auth.session-token=${token}`;
}

let db: PrismaClient;
let rf: RouteFixture;
const cookies = {} as Record<Who, string | null>;

async function send(file: string, method: string, request: { path: string; init?: RequestInit; params?: Record<string, string | string[]> }, cookie: string | null) {
  const handler = (await load(file))[method] as RouteHandler;
  const headers = new Headers(request.init?.headers);
  if (cookie) headers.set("cookie", cookie);
  const init = { ...request.init, method, headers, ...(request.init?.body ? { duplex: "half" } : {}) } as RequestInit;
  return callRoute(pageOf(file), handler, new Request(`http://headway.test${request.path}`, init), request.params);
}

beforeAll(async () => {
  db = testDb();
  rf = await createRouteFixture(db);
  for (const who of WHO) cookies[who] = who === "ANONYMOUS" ? null : await sessionCookie(rf.users[who]);
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  const { getDb } = await import("@/server/db");
  await getDb().$disconnect();
  const { rm } = await import("node:fs/promises");
  await rm(settings.storageDir, { recursive: true, force: true });
});

describe("every route handler", () => {
  it("has requests in ROUTE_SPECS for each method it exports", async () => {
    expect(routeFiles.length).toBeGreaterThan(0);
    for (const file of routeFiles) {
      expect(ROUTE_SPECS[file], `${file} has no entry in ROUTE_SPECS (server/testing/walk/routes.ts): add one so the walk covers it`).toBeDefined();
      const exported = Object.keys(await load(file)).filter((k) => (METHODS as readonly string[]).includes(k));
      expect(exported.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of exported) {
        expect(ROUTE_SPECS[file]!.some((c) => c.method === method), `${file}: ${method} has no request in ROUTE_SPECS`).toBe(true);
      }
    }
    for (const file of Object.keys(ROUTE_SPECS)) expect(routeFiles, `ROUTE_SPECS lists ${file}, which no longer exists`).toContain(file);
  });

  for (const file of routeFiles) {
    for (const c of ROUTE_SPECS[file] ?? []) {
      for (const who of WHO) {
        it(`${file}: ${c.name}, as ${who}, answers as the permission table says`, async () => {
          const want = c.status(who, rf);
          const response = await send(file, c.method, c.request(rf), cookies[who]);
          expect(response.status, await response.clone().text().then((t) => t.slice(0, 300))).toBe(want);
          if (want < 300 && c.check) await c.check(response, who, rf, db);
        }, 60_000);
      }
    }
  }
});

describe("the session behind every route", () => {
  const boardPack = () => ({ path: `/api/local-areas/${rf.area.slug}/board-pack?format=docx`, params: { slug: rf.area.slug } });
  const file = "app/api/local-areas/[slug]/board-pack/route.ts";

  it("is refused when the cookie was not signed with the app's secret, or has expired", async () => {
    expect((await send(file, "GET", boardPack(), cookies.LEAD)).status).toBe(200);
    // next-auth reports each cookie it cannot read, and treats the request as signed out.
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await send(file, "GET", boardPack(), await sessionCookie(rf.users.LEAD, { secret: "not-the-apps-secret-not-the-apps-secret" }))).status).toBe(401);
      expect((await send(file, "GET", boardPack(), await sessionCookie(rf.users.LEAD, { maxAge: -3600 }))).status).toBe(401);
      expect((await send(file, "GET", boardPack(), "next-auth.session-token=tampered")).status).toBe(401);
      expect(reported.mock.calls.filter((c) => String(c[0]).includes("JWT_SESSION_ERROR"))).toHaveLength(3);
    } finally {
      reported.mockRestore();
    }
  }, 60_000);

  it("follows the database at once: a revoked membership or a disabled account stops the next request", async () => {
    const user = await createUser(db);
    const membership = await createMembership(db, { userId: user.id, localAreaId: rf.area.localAreaId, role: "VIEWER" });
    const cookie = await sessionCookie(user.id);
    expect((await send(file, "GET", boardPack(), cookie)).status).toBe(200);
    await db.membership.delete({ where: { id: membership.id } });
    expect((await send(file, "GET", boardPack(), cookie)).status).toBe(404);
    await createMembership(db, { userId: user.id, localAreaId: rf.area.localAreaId, role: "VIEWER" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await send(file, "GET", boardPack(), cookie)).status).toBe(401);
  }, 60_000);

  it("comes from signing in through the auth route: the right password gives a cookie the routes accept, a wrong one none", async () => {
    const password = "walk-password-1";
    const user = await createUser(db, { password });
    await createMembership(db, { userId: user.id, localAreaId: rf.area.localAreaId, role: "VIEWER" });
    const auth = "app/api/auth/[...nextauth]/route.ts";
    const signIn = async (attempt: string) => {
      const csrf = await send(auth, "GET", { path: "/api/auth/csrf", params: { nextauth: ["csrf"] } }, null);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const response = await send(
        auth,
        "POST",
        {
          path: "/api/auth/callback/password",
          init: {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ csrfToken, email: user.email!, password: attempt, json: "true" }).toString(),
          },
          params: { nextauth: ["callback", "password"] },
        },
        csrfCookie,
      );
      return response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0] ?? null;
    };
    expect(await signIn("not-the-password")).toBeNull();
    const cookie = await signIn(password);
    expect(cookie).not.toBeNull();
    expect((await send(file, "GET", boardPack(), cookie)).status).toBe(200);
    expect((await send("app/api/local-areas/[slug]/plan-export/route.ts", "GET", { path: `/api/local-areas/${rf.otherArea.slug}/plan-export`, params: { slug: rf.otherArea.slug } }, cookie)).status).toBe(404);
  }, 60_000);
});
