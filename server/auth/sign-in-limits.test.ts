/**
 * Rate limits on signing in, through the password provider as next-auth calls it (credentials
 * and the request's headers), on the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, uniq } from "@/prisma/factories";
import { clientAddress, normaliseAddress } from "@/server/auth/client-address";
import { signInWithPassword } from "@/server/auth/password-sign-in";
import { buildProviders } from "@/server/auth/providers";
import {
  countMagicLinkRequest,
  MAGIC_LINKS_PER_ADDRESS,
  MAGIC_LINKS_PER_EMAIL,
  PASSWORD_FAILURES_PER_ADDRESS,
  PASSWORD_FAILURES_PER_EMAIL,
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

/** The password provider as next-auth calls it, wired as server/auth/options.ts wires it. */
function passwordProvider(client: PrismaClient, now: () => Date) {
  const [provider] = buildProviders(
    { EMAIL_FROM: "x@y.z" },
    {
      authorizePassword: (email, password, headers) =>
        signInWithPassword(client, { email, password, address: clientAddress(headers, 0) }, settings, now()),
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
  it("the sixth attempt for one email in 15 minutes is refused, even with the right password", async () => {
    const jo = await person();
    const signIn = passwordProvider(db, () => minutes(1));
    const ip = newAddress();
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) expect(await outcome(signIn(jo.email, "wrong", ip))).toBe("refused");
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("TooManyAttempts:15");
    // From another address too: the limit is the email's.
    expect(await outcome(signIn(jo.email.toUpperCase(), jo.password, newAddress()))).toBe("TooManyAttempts:15");
    // Someone else, from elsewhere, is not affected.
    const sam = await person();
    expect(await outcome(signIn(sam.email, sam.password, newAddress()))).toBe("user");
  });

  it("successful sign-ins do not count: only failures do", async () => {
    const jo = await person();
    const ip = newAddress();
    const signIn = passwordProvider(db, () => minutes(2));
    for (let i = 0; i < 3 * PASSWORD_FAILURES_PER_ADDRESS.max; i++) expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max - 1; i++) expect(await outcome(signIn(jo.email, "wrong", ip))).toBe("refused");
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
  });

  it("the limit lifts when the 15-minute window ends", async () => {
    const jo = await person();
    const ip = newAddress();
    let now = minutes(0);
    const signIn = passwordProvider(db, () => now);
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) await signIn(jo.email, "wrong", ip);
    now = minutes(14.9);
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("TooManyAttempts:1");
    now = minutes(15);
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("user");
  });

  it("one address trying many emails is refused after 20 failures, for any email; other addresses are not", async () => {
    const ip = newAddress();
    const signIn = passwordProvider(db, () => minutes(3));
    for (let i = 0; i < PASSWORD_FAILURES_PER_ADDRESS.max; i++) expect(await outcome(signIn(`guess-${uniq()}@nowhere.example`, "wrong", ip))).toBe("refused");
    const jo = await person();
    expect(await outcome(signIn(jo.email, jo.password, ip))).toBe("TooManyAttempts:15");
    expect(await outcome(signIn(jo.email, jo.password, newAddress()))).toBe("user");
  });

  it("two app instances share the count", async () => {
    const jo = await person();
    const ip = newAddress();
    const onA = passwordProvider(db, () => minutes(4));
    const onB = passwordProvider(secondInstance, () => minutes(4));
    for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) await (i % 2 ? onA : onB)(jo.email, "wrong", ip);
    expect(await outcome(onB(jo.email, jo.password, ip))).toBe("TooManyAttempts:15");
    expect(await outcome(onA(jo.email, jo.password, ip))).toBe("TooManyAttempts:15");
  });

  it("ten guesses at once, on two instances, get five checks and five refusals", async () => {
    const jo = await person();
    const onA = passwordProvider(db, () => minutes(6));
    const onB = passwordProvider(secondInstance, () => minutes(6));
    const ip = newAddress();
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => outcome((i % 2 ? onA : onB)(jo.email, "wrong", ip))));
    expect(all.filter((o) => o === "refused")).toHaveLength(PASSWORD_FAILURES_PER_EMAIL.max);
    expect(all.filter((o) => o === "TooManyAttempts:15")).toHaveLength(10 - PASSWORD_FAILURES_PER_EMAIL.max);
  });

  it("says the same for an address with no account, so the limit reveals nothing", async () => {
    const jo = await person();
    const stranger = `stranger-${uniq()}@nowhere.example`;
    const signIn = passwordProvider(db, () => minutes(5));
    const answers = [];
    for (const email of [jo.email, stranger]) {
      const ip = newAddress();
      for (let i = 0; i < PASSWORD_FAILURES_PER_EMAIL.max; i++) await signIn(email, "wrong", ip);
      answers.push(await outcome(signIn(email, "wrong", ip)));
    }
    expect(answers).toEqual(["TooManyAttempts:15", "TooManyAttempts:15"]);
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

  it("without a client address, the email limit still holds", async () => {
    const email = `noaddr-${uniq()}@council.example`;
    for (let i = 0; i < MAGIC_LINKS_PER_EMAIL.max; i++) await ask(email, null);
    expect(await ask(email, null)).toBe("TooManyAttempts:15");
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
    ["nothing in front: the connection's address, which Next put there", xff("203.0.113.7"), 0, "203.0.113.7"],
    ["nothing in front, the client sent a header: the last entry", xff("10.0.0.1, 203.0.113.7"), 0, "203.0.113.7"],
    ["one proxy that appends: the entry it added", xff("6.6.6.6, 203.0.113.7"), 1, "203.0.113.7"],
    ["two proxies: the second from the right", xff("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2, "203.0.113.7"],
    ["fewer entries than proxies: the first there is", xff("203.0.113.7"), 2, "203.0.113.7"],
    ["IPv4 written as IPv6", xff("::ffff:127.0.0.1"), 0, "127.0.0.1"],
    ["IPv4 with a port", xff("203.0.113.7:51234"), 1, "203.0.113.7"],
    ["IPv6 counts by its /64", xff("2001:db8:abcd:12:1:2:3:4"), 0, "2001:db8:abcd:12::/64"],
    ["IPv6 shortened, in brackets with a port", xff("[2001:db8::1]:443"), 0, "2001:db8:0:0::/64"],
    ["IPv6 loopback", xff("::1"), 0, "0:0:0:0::/64"],
  ])("%s", (_name, headers, proxies, want) => expect(clientAddress(headers, proxies)).toBe(want));

  it("no header: no address (the per-address limit is skipped, the per-email one holds)", () => {
    expect(clientAddress({}, 0)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": " , " }, 1)).toBeNull();
  });

  it("two addresses in one /64 share a bucket; in different /64s they do not", () => {
    expect(normaliseAddress("2001:db8:1:2::aaaa")).toBe(normaliseAddress("2001:db8:1:2:ffff::1"));
    expect(normaliseAddress("2001:db8:1:2::1")).not.toBe(normaliseAddress("2001:db8:1:3::1"));
  });
});
