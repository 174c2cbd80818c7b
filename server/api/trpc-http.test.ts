/**
 * The tRPC endpoint over HTTP, called with real Requests: mutations only by POST with a JSON
 * body, refused before the session is read; queries by GET only.
 */
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories";
import { handleTrpcRequest } from "@/server/api/trpc-http";
import type { Context } from "@/server/api/trpc";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { contextFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let userId: string;
beforeAll(async () => {
  db = testDb();
  userId = (await createUser(db)).id;
});
afterAll(() => db.$disconnect());

const preferences = {
  updateDueSoon: false,
  updateOverdue: true,
  evidenceAwaitingReview: true,
  verdictRequested: true,
  changeRequestDecided: true,
  weeklyDigest: false,
  digestDay: 1,
};
const body = JSON.stringify(superjson.serialize(preferences));
const MUTATION = "http://headway.test/api/trpc/notification.savePreferences";
const QUERY = "http://headway.test/api/trpc/notification.unreadCount";

/** Calls the endpoint as the user; says whether the session was read (createContext called). */
async function call(url: string, init: RequestInit = {}) {
  let sessionRead = false;
  const createContext = async (): Promise<Context> => {
    sessionRead = true;
    return contextFor(db, userId);
  };
  const res = await handleTrpcRequest(new Request(url, init), createContext);
  const json = (await res.json()) as { error?: { code?: string; json?: { data?: { code?: string } } } };
  // tRPC's own errors come through superjson: { error: { json: shape } }.
  return { status: res.status, code: json.error?.code ?? json.error?.json?.data?.code, sessionRead };
}

const saved = () => db.notificationPreference.findUnique({ where: { userId }, select: { digestDay: true, updateDueSoon: true } });

describe("mutations", () => {
  it("by POST with a JSON body: done", async () => {
    const r = await call(MUTATION, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(r.status).toBe(200);
    expect(await saved()).toEqual({ digestDay: 1, updateDueSoon: false });
  });

  it("JSON with a charset parameter, in any case: done", async () => {
    const r = await call(MUTATION, { method: "POST", body, headers: { "content-type": "Application/JSON; charset=utf-8" } });
    expect(r.status).toBe(200);
  });

  it("by GET (input in the query string): 405, nothing changed", async () => {
    await db.notificationPreference.deleteMany({ where: { userId } });
    const r = await call(`${MUTATION}?input=${encodeURIComponent(body)}`);
    expect(r.status).toBe(405);
    expect(r.code).toBe("METHOD_NOT_SUPPORTED");
    expect(await saved()).toBeNull();
  });

  // What a form or a no-cors fetch on another site can send without a CORS preflight.
  it.each([
    ["text/plain", body],
    ["application/x-www-form-urlencoded", `json=${encodeURIComponent(JSON.stringify(preferences))}`],
    ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="json"\r\n\r\n{}\r\n--x--\r\n`],
    ["application/octet-stream", body],
    [null, body],
  ])("by POST with Content-Type %s: 415 before the session is read, nothing changed", async (type, payload) => {
    await db.notificationPreference.deleteMany({ where: { userId } });
    const r = await call(MUTATION, { method: "POST", body: payload, headers: type ? { "content-type": type } : {} });
    expect(r.status).toBe(415);
    expect(r.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(r.sessionRead).toBe(false);
    expect(await saved()).toBeNull();
  });
});

describe("queries", () => {
  it("by GET: answered", async () => {
    const r = await call(QUERY);
    expect(r.status).toBe(200);
    expect(r.sessionRead).toBe(true);
  });

  it("by POST, even with JSON: 405 (no method override)", async () => {
    const r = await call(QUERY, { method: "POST", body: JSON.stringify(superjson.serialize(undefined)), headers: { "content-type": "application/json" } });
    expect(r.status).toBe(405);
    expect(r.code).toBe("METHOD_NOT_SUPPORTED");
  });
});

describe("the route", () => {
  it("app/api/trpc/[trpc]/route.ts answers through these rules", async () => {
    const route = await import("@/app/api/trpc/[trpc]/route");
    const res = await route.POST(new Request(MUTATION, { method: "POST", body, headers: { "content-type": "text/plain" } }));
    expect(res.status).toBe(415);
    expect((await route.GET(new Request(`${MUTATION}?input=${encodeURIComponent(body)}`))).status).toBe(405);
  });
});
