/** The fixed-window counter in PostgreSQL: counting, windows, refunds, sweeping, and many instances. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniq } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { bucketKey, hit, refund, STALE_BUCKET_SECONDS, sweepStaleBuckets, type RateLimit } from "@/server/services/core/rate-limits";
import { testDb } from "@/server/testing/harness";

let db: PrismaClient;
let otherInstance: PrismaClient;
beforeAll(() => {
  db = testDb();
  otherInstance = testDb(); // its own connection pool, as a second app instance would have
});
afterAll(async () => {
  await db.$disconnect();
  await otherInstance.$disconnect();
});

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const limit = (max = 3, windowSeconds = 600): RateLimit => ({ name: `test-${uniq()}`, max, windowSeconds });

describe("hit", () => {
  it("allows `max` hits in a window and refuses the next, saying when the window ends", async () => {
    const l = limit(3, 600);
    const verdicts = [];
    for (const s of [0, 10, 20, 30]) verdicts.push(await hit(db, l, "jo@example.org", at(s)));
    expect(verdicts.map((v) => [v.hits, v.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(verdicts.map((v) => v.windowStart.toISOString())).toEqual(Array(4).fill(T0.toISOString()));
    expect(verdicts[2]!.retryAfterSeconds).toBe(0);
    expect(verdicts[3]!.retryAfterSeconds).toBe(600 - 30);
  });

  it("starts a new window once the old one has ended, and not a moment before", async () => {
    const l = limit(1, 600);
    expect((await hit(db, l, "s", at(0))).allowed).toBe(true);
    const late = await hit(db, l, "s", at(599.999));
    expect([late.allowed, late.hits, late.retryAfterSeconds]).toEqual([false, 2, 1]);
    const next = await hit(db, l, "s", at(600));
    expect([next.allowed, next.hits, next.windowStart.toISOString()]).toEqual([true, 1, at(600).toISOString()]);
  });

  it("keeps each subject and each limit apart", async () => {
    const a = limit(1);
    const b = limit(1);
    await hit(db, a, "one", T0);
    expect((await hit(db, a, "two", T0)).allowed).toBe(true);
    expect((await hit(db, b, "one", T0)).allowed).toBe(true);
    expect((await hit(db, a, "one", T0)).allowed).toBe(false);
    expect(bucketKey(a, "one")).toBe(`${a.name}:one`);
  });

  it("counts across app instances: two clients share one count", async () => {
    const l = limit(4);
    const hits = [];
    for (const [i, client] of [db, otherInstance, db, otherInstance, otherInstance].entries()) hits.push(await hit(client, l, "shared", at(i)));
    expect(hits.map((h) => h.hits)).toEqual([1, 2, 3, 4, 5]);
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, true, false]);
  });

  it("loses no count when two instances hit one key at the same moment", async () => {
    const l = limit(10);
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => hit(i % 2 ? db : otherInstance, l, "burst", T0)));
    expect(all.map((v) => v.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(all.filter((v) => v.allowed)).toHaveLength(10);
  });
});

describe("refund", () => {
  it("takes back one hit in the same window only", async () => {
    const l = limit(2);
    const first = await hit(db, l, "r", at(0));
    await refund(db, l, "r", first);
    expect((await hit(db, l, "r", at(1))).hits).toBe(1);
    // A refund for a window that has since ended changes nothing in the new one.
    const next = await hit(db, l, "r", at(l.windowSeconds + 5));
    expect(next.hits).toBe(1);
    await refund(db, l, "r", first);
    expect((await hit(db, l, "r", at(l.windowSeconds + 6))).hits).toBe(2);
  });
});

describe("sweeping", () => {
  it("a hit that opens a window deletes buckets untouched for a day, and only those", async () => {
    const old = limit();
    const recent = limit();
    await hit(db, old, "x", at(-STALE_BUCKET_SECONDS - 60));
    await hit(db, recent, "x", at(-STALE_BUCKET_SECONDS + 60));
    const keys = () => db.rateLimitBucket.findMany({ where: { key: { in: [bucketKey(old, "x"), bucketKey(recent, "x")] } }, select: { key: true } });
    expect(await keys()).toHaveLength(2);
    await hit(db, limit(), "y", T0); // a new bucket: sweeps
    expect((await keys()).map((k) => k.key)).toEqual([bucketKey(recent, "x")]);
    expect(await sweepStaleBuckets(db, T0)).toBe(0);
  });
});
