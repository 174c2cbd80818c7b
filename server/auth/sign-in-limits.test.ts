/**
 * Rate limits on signing in, through the password provider as next-auth calls it (credentials
 * and the request's headers), on the real database. Wrong passwords slow the next attempts for
 * that email; they do not lock the right password out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, uniq } from "@/prisma/factories";
import { clientAddress, normaliseAddress, UNKNOWN_CLIENT } from "@/server/auth/client-address";
import { signInWithPassword } from "@/server/auth/password-sign-in";
import { buildProviders } from "@/server/auth/providers";
import {
  countMagicLinkRequest,
  MAGIC_LINKS_PER_ADDRESS,
  MAGIC_LINKS_PER_EMAIL,
  PASSWORD_FAILURES_PER_ADDRESS,
  PASSWORD_FAILURES_PER_EMAIL,
  PASSWORD_MAX_WAIT_MS,
  PASSWORD_TURN_MS,
  SignInLimited,
} from "@/server/auth/sign-in-limits";
import { tooManyAttemptsCode, tooManyAttemptsMessage } from "@/server/auth/too-many-attempts";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";

let db: PrismaClient;
let secondInstance: PrismaClient;
beforeAll(() => {
  db = testDb();
  secondInstance = testDb();
});
afterAll(async () => {
  await db.$disconnect();
  await secondInstance.$disconnect();
});

const settings = { NODE_ENV: "production", DEMO_ACCOUNTS: false };
const T0 = new Date("2026-05-04T10:00:00.000Z");
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
/** A fresh client address per test: the run shares one database. */
let n = 0;
const newAddress = () => `198.51.100.${(n += 1)}`;

async function person() {
  const password = `pw-${uniq()}`;
  const user = await createUser(db, { password });
  return { email: user.email!, password };
}

/**
 * The password provider as next-auth calls it, wired as server/auth/options.ts wires it, behind
 * `proxies` trusted reverse proxies (TRUST_PROXY). `waits` collects the waits for a turn, which
 * are then not slept (a test that times the real wait passes none).
 */
function passwordProvider(client: PrismaClient, now: () => Date, waits?: number[], proxies = 1) {
  const [provider] = buildProviders(
    { EMAIL_FROM: "x@y.z" },
    {
      authorizePassword: (email, password, headers) =>
        signInWithPassword(client, { email, password, address: clientAddress(headers, proxies) }, settings, now(), waits && (async (ms) => waits.push(ms))),
      sendMagicLink: async () => {},
    },
  );
  const { authorize } = (provider as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }).options;
  return (email: string, password: string, address: string) =>
    authorize({ email, password }, { headers: { "x-forwarded-for": address }, method: "POST", body: {}, query: {} });
}

/** What an attempt ends in: "user", "refused" (wrong password) or the limited error's message. */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    return (await attempt) ? "user" : "refused";
  } catch (e) {
    if (e instanceof SignInLimited) return e.message;
    throw e;
  }
}

describe("password sign-in limits", () => {
  it("after five wrong passwords for one email, the right one is accepted after a short wait, from any address", async () => {
    const jo = await person();
    const signIn = passwordProvider(db, () => minutes(1));
    const ip = newAddress();
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) expect(await outcome(signIn(jo.email, "wrong", ip))).toBe("refused");
    let started = performance.now();
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(PASSWORD_TURN_MS - 50); // slowed...
    expect(waited).toBeLessThan(PASSWORD_MAX_WAIT_MS); // ...never locked out
    // From another address too: the slowing is the email's, and a success does not undo the failures.
    started = performance.now();
    expect(await outcome(signIn(jo.email.toUpperCase(), jo.password, newAddress()))).toBe("user");
    expect(performance.now() - started).toBeLessThan(PASSWORD_MAX_WAIT_MS);
    // Someone else, from elsewhere, is not slowed.
    const sam = await person();
    started = performance.now();
    expect(await outcome(signIn(sam.email, sam.password, newAddress()))).toBe("user");
    expect(performance.now() - started).toBeLessThan(PASSWORD_TURN_MS / 2);
  });

  it("successful sign-ins do not count: only failures do", async () => {
    const jo = await person();
    const ip = newAddress();
    const waits: number[] = [];
    const signIn = passwordProvider(db, () => minutes(2), waits);
    for (let i = 0; i < 3 * PASSWORD_FAILURES_PER_ADDRESS.max; i++) expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max - 1; i++) expect(await outcome(signIn(jo.email, "wrong", ip))).toBe("refused");
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    expect(waits).toEqual([]);
  });

  it("the slowing ends when the 15-minute window does", async () => {
    const jo = await person();
    const ip = newAddress();
    let now = minutes(0);
    const waits: number[] = [];
    const signIn = passwordProvider(db, () => now, waits);
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) await signIn(jo.email, "wrong", ip);
    expect(waits).toEqual([]);
    now = minutes(14.9);
    expect(await outcome(signIn(jo.email, "wrong", ip))).toBe("refused");
    expect(waits).toEqual([PASSWORD_TURN_MS]);
    now = minutes(15);
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    expect(waits).toEqual([PASSWORD_TURN_MS]);
  });

  it("one address trying many emails is refused after 20 failures, for any email; other addresses are not", async () => {
    const ip = newAddress();
    const signIn = passwordProvider(db, () => minutes(3));
    for (let i = 0; i < PASSWORD_FAILURES_PER_ADDRESS.max; i++) expect(await outcome(signIn(`guess-${uniq()}@nowhere.example`, "wrong", ip))).toBe("refused");
    const jo = await person();
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("TooManyAttempts:15");
    expect(await outcome(signIn(jo.email, jo.password, newAddress()))).toBe("user");
  });

  it("with no trusted proxy the address is unknown: X-Forwarded-For picks no bucket, and no one is refused for others' failures", async () => {
    const ip = newAddress();
    const signIn = passwordProvider(db, () => minutes(3), [], 0);
    for (let i = 0; i < PASSWORD_FAILURES_PER_ADDRESS.max + 5; i++) expect(await outcome(signIn(`guess-${uniq()}@nowhere.example`, "wrong", ip))).toBe("refused");
    const jo = await person();
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    const buckets = await db.rateLimitBucket.count({ where: { key: { in: [`signin:ip:${ip}`, `signin:ip:${UNKNOWN_CLIENT}`] } } });
    expect(buckets).toBe(0);
  });

  it("two app instances share the count and the turns", async () => {
    const jo = await person();
    const ip = newAddress();
    const waits: number[] = [];
    const onA = passwordProvider(db, () => minutes(4), waits);
    const onB = passwordProvider(secondInstance, () => minutes(4), waits);
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) await (i % 2 ? onA : onB)(jo.email, "wrong", ip);
    expect(await outcome(onB(jo.email, "wrong", ip))).toBe("refused");
    expect(await outcome(onA(jo.email, jo.password, ip))).toBe("user");
    // At one moment: the second turn comes a turn after the first, though on another instance.
    expect(waits).toEqual([PASSWORD_TURN_MS, 2 * PASSWORD_TURN_MS]);
  });

  it("ten guesses at once, on two instances: five checked, then one a turn, and those too far off refused", async () => {
    const jo = await person();
    const waits: number[] = [];
    const onA = passwordProvider(db, () => minutes(6), waits);
    const onB = passwordProvider(secondInstance, () => minutes(6), waits);
    const ip = newAddress();
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => outcome((i % 2 ? onA : onB)(jo.email, "wrong", ip))));
    const turns = Math.floor(PASSWORD_MAX_WAIT_MS / PASSWORD_TURN_MS);
    expect(all.filter((o) => o === "refused")).toHaveLength(PASSWORD_FAILURES_PER_EMAIL.max + turns);
    expect(all.filter((o) => o === "TooManyAttempts:1")).toHaveLength(10 - PASSWORD_FAILURES_PER_EMAIL.max - turns);
    expect(waits.sort((a, b) => a - b)).toEqual(Array.from({ length: turns }, (_, i) => (i + 1) * PASSWORD_TURN_MS));
  });

  it("says the same, after the same wait, for an address with no account, so the limit reveals nothing", async () => {
    const jo = await person();
    const stranger = `stranger-${uniq()}@nowhere.example`;
    const answers = [];
    for (const email of [jo.email, stranger]) {
      const waits: number[] = [];
      const signIn = passwordProvider(db, () => minutes(5), waits);
      const ip = newAddress();
      for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) await signIn(email, "wrong", ip);
      answers.push([await outcome(signIn(email, "wrong", ip)), waits]);
    }
    expect(answers).toEqual([
      ["refused", [PASSWORD_TURN_MS]],
      ["refused", [PASSWORD_TURN_MS]],
    ]);
  });

  it("wrong passwords never stand in the way of a sign-in link", async () => {
    const jo = await person();
    const signIn = passwordProvider(db, () => minutes(7), []);
    for (let i = 0; i < 2 * PASSWORD_FAILURES_PER_EMAIL.max; i++) await outcome(signIn(jo.email, "wrong", newAddress()));
    await expect(countMagicLinkRequest(db, { email: jo.email, address: newAddress() }, minutes(7))).resolves.toBeUndefined();
  });
});

describe("sign-in link limits", () => {
  /** "counted", or the limited error's message. */
  async function ask(email: string, address: string | null, at = minutes(0), client = db) {
    try {
      await countMagicLinkRequest(client, { email, address }, at);
      return "counted";
    } catch (e) {
      if (e instanceof SignInLimited) return e.message;
      throw e;
    }
  }

  it("three links per email in 15 minutes, whatever the address; the fourth is refused", async () => {
    const email = `link-${uniq()}@council.example`;
    expect(await ask(email, newAddress())).toBe("counted");
    expect(await ask(email.toUpperCase(), newAddress(), minutes(1), secondInstance)).toBe("counted");
    expect(await ask(email, newAddress(), minutes(2))).toBe("counted");
    expect(MAGIC_LINKS_PER_EMAIL.max).toBe(3);
    expect(await ask(email, newAddress(), minutes(3))).toBe("TooManyAttempts:12");
    expect(await ask(`other-${uniq()}@council.example`, newAddress(), minutes(3))).toBe("counted");
    expect(await ask(email, newAddress(), minutes(15))).toBe("counted");
  });

  it("ten link requests per address an hour, whatever the email", async () => {
    const ip = newAddress();
    for (let i = 0; i < MAGIC_LINKS_PER_ADDRESS.max; i++) expect(await ask(`l-${uniq()}@council.example`, ip, minutes(i))).toBe("counted");
    expect(await ask(`l-${uniq()}@council.example`, ip, minutes(30))).toBe("TooManyAttempts:30");
    expect(await ask(`l-${uniq()}@council.example`, newAddress(), minutes(30))).toBe("counted");
    expect(await ask(`l-${uniq()}@council.example`, ip, minutes(60))).toBe("counted");
  });

  it("without a known client address, the email limit still holds, and no address bucket is counted", async () => {
    const email = `noaddr-${uniq()}@council.example`;
    for (let i = 0; i < MAGIC_LINKS_PER_EMAIL.max; i++) await ask(email, i % 2 ? null : UNKNOWN_CLIENT);
    expect(await ask(email, UNKNOWN_CLIENT)).toBe("TooManyAttempts:15");
    expect(await db.rateLimitBucket.count({ where: { key: `link:ip:${UNKNOWN_CLIENT}` } })).toBe(0);
  });
});

describe("the message the form shows", () => {
  it.each([
    ["TooManyAttempts:14", "Too many attempts. Try again in 14 minutes."],
    ["SignInLimited: TooManyAttempts:1", "Too many attempts. Try again in 1 minute."],
    ["CredentialsSignin", null],
    ["TooManyAttempts:<script>", null],
    [null, null],
  ])("%s -> %s", (error, message) => expect(tooManyAttemptsMessage(error)).toBe(message));

  it("rounds the wait up to whole minutes", () => {
    expect([1, 60, 61, 899].map(tooManyAttemptsCode)).toEqual(["TooManyAttempts:1", "TooManyAttempts:1", "TooManyAttempts:2", "TooManyAttempts:15"]);
  });
});

describe("clientAddress", () => {
  const xff = (v: string) => ({ "x-forwarded-for": v });
  it.each([
    ["nothing in front: not believed, whatever it says", xff("203.0.113.7"), 0, UNKNOWN_CLIENT],
    ["nothing in front, the client sent a header: not believed", xff("10.0.0.1, 203.0.113.7"), 0, UNKNOWN_CLIENT],
    ["one proxy that appends: the entry it added", xff("6.6.6.6, 203.0.113.7"), 1, "203.0.113.7"],
    ["two proxies: the second from the right", xff("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2, "203.0.113.7"],
    ["fewer entries than proxies: did not come through them, not believed", xff("203.0.113.7"), 2, UNKNOWN_CLIENT],
    ["IPv4 written as IPv6", xff("::ffff:127.0.0.1"), 1, "127.0.0.1"],
    ["IPv4 with a port", xff("203.0.113.7:51234"), 1, "203.0.113.7"],
    ["IPv6 counts by its /64", xff("2001:db8:abcd:12:1:2:3:4"), 1, "2001:db8:abcd:12::/64"],
    ["IPv6 shortened, in brackets with a port", xff("[2001:db8::1]:443"), 1, "2001:db8:0:0::/64"],
    ["IPv6 loopback", xff("::1"), 1, "0:0:0:0::/64"],
  ])("%s", (_name, headers, proxies, want) => expect(clientAddress(headers, proxies)).toBe(want));

  it("no header: the address is unknown (the per-address limits skip it, the per-email ones hold)", () => {
    expect(clientAddress({}, 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress({ "x-forwarded-for": " , " }, 1)).toBe(UNKNOWN_CLIENT);
  });

  it("two addresses in one /64 share a bucket; in different /64s they do not", () => {
    expect(normaliseAddress("2001:db8:1:2::aaaa")).toBe(normaliseAddress("2001:db8:1:2:ffff::1"));
    expect(normaliseAddress("2001:db8:1:2::1")).not.toBe(normaliseAddress("2001:db8:1:3::1"));
  });
});
