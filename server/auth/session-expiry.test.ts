/**
 * Sessions end, checked through next-auth's own session handling with the app's options:
 * SESSION_MAX_AGE_HOURS after sign-in however often the cookie is re-issued, after
 * SESSION_IDLE_MINUTES without a request, at sign-out, at "sign out everywhere", and at once when
 * the account is disabled (also the route walk in server/api/route-walk.test.ts).
 */
import { decode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, testDb } from "@/server/testing/harness";

// Before the app's modules load: server/env.js reads these once. Two hours and 30 minutes, not
// the defaults, so the test shows the settings are the ones in force (next-auth's own default
// is 30 days, refreshed by every use).
const settings = await vi.hoisted(async () => {
  const { testDatabaseUrl } = await import("@/server/testing/worker");
  const { randomBytes } = await import("node:crypto");
  const secret = randomBytes(32).toString("base64url");
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: "http://headway.test",
    SESSION_MAX_AGE_HOURS: "2",
    SESSION_IDLE_MINUTES: "30",
  });
  return { secret };
});

const { getServerSession } = await import("next-auth");
const { authOptions, sessionTimes } = await import("@/server/auth/options");
const { touchedSessionCookie } = await import("@/server/auth/session-activity");

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const COOKIE = "next-auth.session-token";
let db: PrismaClient;
let userId: string;
beforeAll(async () => {
  db = testDb();
  userId = (await createUser(db)).id;
});
afterAll(() => db.$disconnect());
afterEach(() => vi.useRealTimers());

/** Moves only Date: the database driver's timers keep running. */
function clockAt(t: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
}

/** The cookie next-auth sets at sign-in: the app's jwt callback with the user, sealed by the app's encode. */
async function signedIn(id = userId) {
  const options = authOptions();
  const token = await options.callbacks!.jwt!({ token: { sub: id }, user: { id }, account: null });
  return options.jwt!.encode!({ token, secret: settings.secret, maxAge: options.session!.maxAge! });
}

/**
 * The session next-auth finds in a request carrying `token` (as GET /api/auth/session does), what
 * it logged as an error, and the cookie it re-issued, if any.
 */
async function sessionFor(token: string) {
  const errors: string[] = [];
  const options = { ...authOptions(), logger: { error: (code: string) => errors.push(code), warn: () => {}, debug: () => {} } };
  const req = { headers: { host: "headway.test" }, cookies: { [COOKIE]: token } };
  let setCookies: string[] = [];
  const res = { getHeader: () => setCookies, setHeader: (_: string, v: string[]) => (setCookies = v) };
  const session = await getServerSession(req as never, res as never, options);
  const reissued = setCookies
    .map((c) => new RegExp(`^${COOKIE}=([^;]+)`).exec(c)?.[1])
    .find((v): v is string => !!v);
  return { user: session?.user ?? null, errors, reissued: reissued ?? null };
}

describe("session lifetime", () => {
  it("is SESSION_MAX_AGE_HOURS, as a JWT, with SESSION_IDLE_MINUTES idle", () => {
    expect(authOptions().session).toMatchObject({ strategy: "jwt", maxAge: 2 * 60 * 60 });
    expect(sessionTimes).toEqual({ maxAgeHours: 2, idleMinutes: 30 });
  });

  it("a fresh session cookie signs the person in", async () => {
    const { user } = await sessionFor(await signedIn());
    expect(user?.id).toBe(userId);
  });

  it("a cookie re-issued all along is still refused once the lifetime from sign-in is over", async () => {
    const signInAt = Date.now();
    let token = await signedIn();
    // Used every 20 minutes: never idle, and every read re-issues the cookie (next-auth's
    // "rolling" session), which until now moved its expiry on each time.
    for (let t = 20 * MINUTE; t < 2 * HOUR; t += 20 * MINUTE) {
      clockAt(signInAt + t);
      const read = await sessionFor(token);
      expect(read.user?.id, `at ${t / MINUTE} minutes`).toBe(userId);
      token = read.reissued!;
      // The re-issued token ends when the session does, not 2 hours from now.
      expect((await decode({ token, secret: settings.secret }))!.exp).toBeLessThanOrEqual(Math.ceil((signInAt + 2 * HOUR) / 1000));
    }
    clockAt(signInAt + 2 * HOUR - MINUTE);
    expect((await sessionFor(token)).user?.id).toBe(userId);
    clockAt(signInAt + 2 * HOUR + 1000);
    const late = await sessionFor(token);
    expect(late.user).toBeNull();
    expect(late.errors).toEqual(["JWT_SESSION_ERROR"]);
  });

  it("a session unused for SESSION_IDLE_MINUTES is refused; a request before then keeps it", async () => {
    const signInAt = Date.now();
    const token = await signedIn();
    clockAt(signInAt + 29 * MINUTE);
    const read = await sessionFor(token);
    expect(read.user?.id).toBe(userId);
    clockAt(signInAt + 31 * MINUTE);
    expect((await sessionFor(token)).user).toBeNull(); // the cookie as it was at sign-in
    expect((await sessionFor(read.reissued!)).user?.id).toBe(userId); // the one the request at 29 minutes left
  });

  it("a page request (the proxy) counts as activity; an idle cookie is not revived by one", async () => {
    const signInAt = Date.now();
    const token = await signedIn();
    const jar = (value: string) => ({ get: (name: string) => (name === COOKIE ? { value } : undefined) });
    clockAt(signInAt + 25 * MINUTE);
    const touched = await touchedSessionCookie(jar(token), settings.secret, sessionTimes);
    expect(touched).toMatchObject({ name: COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/" } });
    clockAt(signInAt + 50 * MINUTE);
    expect((await sessionFor(touched!.value)).user?.id).toBe(userId);
    expect((await sessionFor(token)).user).toBeNull();
    expect(await touchedSessionCookie(jar(token), settings.secret, sessionTimes)).toBeNull();
  });

  it("the proxy re-issues the cookie on a page request, with lastSeenAt moved on", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const signInAt = Date.now();
    const token = await signedIn();
    clockAt(signInAt + 10 * MINUTE);
    const response = await proxy(new NextRequest("http://headway.test/my-work", { headers: { cookie: `${COOKIE}=${token}` } }));
    const set = response.headers.getSetCookie().map((c) => new RegExp(`^${COOKIE}=([^;]+)`).exec(c)?.[1]).find(Boolean);
    expect(set).toBeTruthy();
    expect((await decode({ token: set!, secret: settings.secret }))!.lastSeenAt).toBe(signInAt + 10 * MINUTE);
  });

  it("a cookie whose own expiry has passed is refused", async () => {
    const options = authOptions();
    const token = await options.callbacks!.jwt!({ token: { sub: userId }, user: { id: userId }, account: null });
    const { encode } = await import("next-auth/jwt");
    expect((await sessionFor(await encode({ token, secret: settings.secret, maxAge: -60 }))).user).toBeNull();
  });

  it("a cookie without the session's claims (made before them, or by hand) is no session", async () => {
    const { encode } = await import("next-auth/jwt");
    expect((await sessionFor(await encode({ token: { sub: userId }, secret: settings.secret, maxAge: 3600 }))).user).toBeNull();
  });

  it("a cookie not signed with the app's secret is no session", async () => {
    const options = authOptions();
    const token = await options.callbacks!.jwt!({ token: { sub: userId }, user: { id: userId }, account: null });
    const { encode } = await import("next-auth/jwt");
    const forged = await encode({ token, secret: "not-the-apps-secret-not-the-apps-secret", maxAge: 3600 });
    expect((await sessionFor(forged)).user).toBeNull();
  });
});

describe("ending sessions on the server", () => {
  it("signing out refuses that session's cookie from then on, and only that session's", async () => {
    const user = await createUser(db);
    const here = await signedIn(user.id);
    const elsewhere = await signedIn(user.id);
    expect((await sessionFor(here)).user?.id).toBe(user.id);
    // What next-auth's POST /api/auth/signout does with the cookie it is sent.
    await authOptions().events!.signOut!({ token: (await decode({ token: here, secret: settings.secret }))!, session: undefined as never });
    expect((await sessionFor(here)).user).toBeNull(); // a copy of the cookie kept after sign-out
    expect((await sessionFor(elsewhere)).user?.id).toBe(user.id);
    const [event] = await db.auditEvent.findMany({ where: { action: "session.signOut", entityId: user.id } });
    expect(event).toMatchObject({ actorId: user.id, entityType: "User" });
  });

  it("sign out everywhere refuses every session begun before it, not one begun after", async () => {
    const user = await createUser(db);
    const start = Date.now();
    const phone = await signedIn(user.id);
    clockAt(start + MINUTE);
    const laptop = await signedIn(user.id);
    expect((await sessionFor(phone)).user?.id).toBe(user.id);
    clockAt(start + 2 * MINUTE);
    await (await callerFor(db, user.id)).session.signOutEverywhere();
    expect((await sessionFor(phone)).user).toBeNull();
    expect((await sessionFor(laptop)).user).toBeNull();
    clockAt(start + 3 * MINUTE);
    expect((await sessionFor(await signedIn(user.id))).user?.id).toBe(user.id);
    const [event] = await db.auditEvent.findMany({ where: { action: "session.signOutEverywhere", entityId: user.id } });
    expect(event).toMatchObject({ actorId: user.id });
  });

  it("a disabled account loses its session at once, however fresh the cookie", async () => {
    const user = await createUser(db);
    const token = await signedIn(user.id);
    expect((await sessionFor(token)).user?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await sessionFor(token)).user).toBeNull();
  });

  it("re-enabling an account does not bring back the sessions it had when disabled", async () => {
    const user = await createUser(db);
    const start = Date.now();
    const token = await signedIn(user.id);
    clockAt(start + MINUTE);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    clockAt(start + 2 * MINUTE);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect((await sessionFor(token)).user).toBeNull();
    expect((await sessionFor(await signedIn(user.id))).user?.id).toBe(user.id);
  });
});
