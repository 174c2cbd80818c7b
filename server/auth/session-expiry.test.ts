/**
 * Sessions end: a session cookie is good for SESSION_MAX_AGE_HOURS from sign-in and no longer,
 * checked through next-auth's own session handling with the app's options. (A disabled account
 * loses its session at once: the last test here, and the route walk in server/api/route-walk.test.ts.)
 */
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";

// Before the app's modules load: server/env.js reads these once. Two hours, not the default
// eight, so the test shows the setting is the one in force (next-auth's own default is 30 days).
const settings = await vi.hoisted(async () => {
  const { testDatabaseUrl } = await import("@/server/testing/worker");
  const { randomBytes } = await import("node:crypto");
  const secret = randomBytes(32).toString("base64url");
  Object.assign(process.env, { DATABASE_URL: testDatabaseUrl(), NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://headway.test", SESSION_MAX_AGE_HOURS: "2" });
  return { secret };
});

const { getServerSession } = await import("next-auth");
const { authOptions } = await import("@/server/auth/options");

const HOUR = 3_600_000;
let db: PrismaClient;
let userId: string;
beforeAll(async () => {
  db = testDb();
  userId = (await createUser(db)).id;
});
afterAll(() => db.$disconnect());
afterEach(() => vi.useRealTimers());

/** The cookie next-auth sets at sign-in, issued now with the app's session lifetime. */
async function signedIn(id = userId, maxAge = authOptions().session!.maxAge!) {
  return encode({ token: { sub: id }, secret: settings.secret, maxAge });
}

/** The session next-auth finds in a request carrying `token`, and what it logged as an error. */
async function sessionFor(token: string) {
  const errors: string[] = [];
  const options = { ...authOptions(), logger: { error: (code: string) => errors.push(code), warn: () => {}, debug: () => {} } };
  const req = { headers: { host: "headway.test" }, cookies: { "next-auth.session-token": token } };
  const res = { getHeader: () => undefined, setHeader: () => {} };
  const session = await getServerSession(req as never, res as never, options);
  return { user: session?.user ?? null, errors };
}

/** Moves only Date: the database driver's timers keep running. */
function clockAt(t: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
}

describe("session lifetime", () => {
  it("is SESSION_MAX_AGE_HOURS, as a JWT", () => {
    expect(authOptions().session).toMatchObject({ strategy: "jwt", maxAge: 2 * 60 * 60 });
  });

  it("a fresh session cookie signs the person in", async () => {
    const { user } = await sessionFor(await signedIn());
    expect(user?.id).toBe(userId);
  });

  it("is still good a minute before it ends, and refused a minute after", async () => {
    const issuedAt = Date.now();
    const token = await signedIn();
    clockAt(issuedAt + 2 * HOUR - 60_000);
    expect((await sessionFor(token)).user?.id).toBe(userId);
    clockAt(issuedAt + 2 * HOUR + 60_000);
    const late = await sessionFor(token);
    expect(late.user).toBeNull();
    expect(late.errors).toEqual(["JWT_SESSION_ERROR"]); // the token's exp has passed
  });

  it("a cookie made to outlive the setting is still bounded by its own expiry", async () => {
    const token = await signedIn(userId, -60);
    expect((await sessionFor(token)).user).toBeNull();
  });

  it("a cookie not signed with the app's secret is no session", async () => {
    const forged = await encode({ token: { sub: userId }, secret: "not-the-apps-secret-not-the-apps-secret", maxAge: 3600 });
    expect((await sessionFor(forged)).user).toBeNull();
  });

  it("a disabled account loses its session at once, however fresh the cookie", async () => {
    const user = await createUser(db);
    const token = await signedIn(user.id);
    expect((await sessionFor(token)).user?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await sessionFor(token)).user).toBeNull();
  });
});
