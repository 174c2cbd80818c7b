/**
 * The tRPC endpoint over HTTP, called with real Requests: mutations only by POST with a JSON
 * body of at most 1 MB from Headway's own pages, refused before the session is read; queries by
 * GET only.
 */
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/prisma/factories";
import { fromForeignOrigin, handleTrpcRequest } from "@/server/api/trpc-http";
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

/** A body of `total` bytes handed out 64 KB at a time, counting what the server has taken of it. */
function streamedBody(total: number) {
  let taken = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (taken >= total) return controller.close();
        const n = Math.min(64 * 1024, total - taken);
        taken += n;
        controller.enqueue(new Uint8Array(n).fill(0x20));
      },
    },
    // Nothing is read ahead: every byte taken was asked for.
    { highWaterMark: 0 },
  );
  return { stream, taken: () => taken };
}

const MB = 1024 * 1024;

describe("a body over the limit (TRPC_MAX_BODY_BYTES, 1 MB by default)", () => {
  it("that declares its 2 MB is refused with 413 before a byte of it is read", async () => {
    await db.notificationPreference.deleteMany({ where: { userId } });
    const body = streamedBody(2 * MB);
    const started = performance.now();
    const r = await call(MUTATION, {
      method: "POST",
      body: body.stream,
      headers: { "content-type": "application/json", "content-length": String(2 * MB) },
      duplex: "half",
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(r.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.taken()).toBe(0);
    expect(r.sessionRead).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    expect(await saved()).toBeNull();
  });

  it("that says nothing of its size is refused once 1 MB has been counted, never read in full nor parsed", async () => {
    const body = streamedBody(2 * MB);
    const parse = vi.spyOn(JSON, "parse");
    try {
      const r = await call(MUTATION, { method: "POST", body: body.stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
      expect(r.status).toBe(413);
      expect(r.sessionRead).toBe(false);
      // Parsed: only the 413's own few bytes, read back by call(); never the body.
      expect(parse.mock.calls.every(([text]) => String(text).length < 1000)).toBe(true);
    } finally {
      parse.mockRestore();
    }
    expect(body.taken()).toBeGreaterThan(MB);
    expect(body.taken()).toBeLessThanOrEqual(MB + 64 * 1024);
    expect(await saved()).toBeNull();
  });

  it("a body just under the limit is read and parsed as before", async () => {
    // JSON with a megabyte less a little of spaces after it: valid, and under the limit.
    const padded = body + " ".repeat(MB - body.length - 16);
    const r = await call(MUTATION, { method: "POST", body: padded, headers: { "content-type": "application/json" } });
    expect(r.status).toBe(200);
  });

  it("the limit is the environment's: a smaller one refuses what 1 MB allows", async () => {
    const res = await handleTrpcRequest(
      new Request(MUTATION, { method: "POST", body, headers: { "content-type": "application/json" } }),
      () => contextFor(db, userId),
      { maxBodyBytes: 16 },
    );
    expect(res.status).toBe(413);
  });
});

describe("a mutation from another site", () => {
  it.each([
    [{ origin: "https://evil.example" }],
    [{ origin: "null" }],
    [{ origin: "http://headway.test.evil.example" }],
    [{ "sec-fetch-site": "cross-site" }],
    [{ origin: "http://headway.test", "sec-fetch-site": "cross-site" }],
  ])("with %j: 403 before the session is read, nothing changed", async (from) => {
    await db.notificationPreference.deleteMany({ where: { userId } });
    const r = await call(MUTATION, { method: "POST", body, headers: { "content-type": "application/json", ...from } });
    expect(r.status).toBe(403);
    expect(r.code).toBe("FORBIDDEN");
    expect(r.sessionRead).toBe(false);
    expect(await saved()).toBeNull();
  });

  it("from Headway's own pages (its Origin, same-origin): done", async () => {
    const r = await call(MUTATION, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", origin: "http://headway.test", "sec-fetch-site": "same-origin" },
    });
    expect(r.status).toBe(200);
  });

  it("from the site's public address (NEXTAUTH_URL) when the app sees another: done", () => {
    const req = new Request("http://10.0.0.5:3000/api/trpc/x", { method: "POST", headers: { origin: "https://headway.example.gov.uk", host: "10.0.0.5:3000" } });
    expect(fromForeignOrigin(req, "https://headway.example.gov.uk")).toBe(false);
    expect(fromForeignOrigin(req, "https://other.example.gov.uk")).toBe(true);
  });

  it("from the host the browser asked for, whatever address Next puts in the request's URL: done", () => {
    // `next start` without NEXTAUTH_URL: the URL may name the listening address, the Host header names the site.
    const req = (origin: string) => new Request("http://0.0.0.0:3000/api/trpc/x", { method: "POST", headers: { origin, host: "headway.example.gov.uk" } });
    expect(fromForeignOrigin(req("https://headway.example.gov.uk"), undefined)).toBe(false);
    expect(fromForeignOrigin(req("https://evil.example"), undefined)).toBe(true);
    expect(fromForeignOrigin(req("https://headway.example.gov.uk.evil.example"), undefined)).toBe(true);
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
