/** The benchmark's SQL count: off unless asked for, loopback only, and it counts what Prisma sends. */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it, vi} from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { countQueries, KEPT_STATEMENTS, queriesSoFar } from "@/server/query-count";
import { testDatabaseUrl } from "@/server/testing/worker";

async function routeWith(flag: string | undefined) {
  vi.resetModules();
  vi.stubEnv("HEADWAY_QUERY_COUNT", flag);
  return (await import("@/app/api/bench/queries/route")).GET;
}

const from = (xff: string | null) => new Request("http://127.0.0.1/api/bench/queries", { headers: xff === null ? {} : { "x-forwarded-for": xff } });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("/api/bench/queries", () => {
  it("is not there unless the server was started with HEADWAY_QUERY_COUNT=1", async () => {
    for (const flag of [undefined, "", "0", "false"]) expect((await (await routeWith(flag))(from("127.0.0.1"))).status).toBe(404);
  });

  it("answers this machine only", async () => {
    const GET = await routeWith("1");
    for (const local of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.0.1, ::1"]) {
      const res = GET(from(local));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ queries: expect.any(Number), latest: expect.any(Array) });
    }
    for (const remote of [null, "", "203.0.113.9", "127.0.0.1, 203.0.113.9", "203.0.113.9, 127.0.0.1"]) expect(GET(from(remote)).status).toBe(404);
  });
});

describe("countQueries", () => {
  it("counts each statement a client sends and keeps the latest texts", async () => {
    const client = countQueries(
      new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }), log: [{ emit: "event", level: "query" }] }),
    );
    try {
      const before = queriesSoFar().queries;
      await client.localArea.count();
      await client.user.findFirst({ where: { email: "nobody@example.org" } });
      const after = queriesSoFar();
      expect(after.queries - before).toBe(2);
      expect(after.latest.at(-2)).toMatch(/FROM "public"\."LocalArea"/);
      expect(after.latest.at(-1)).toMatch(/FROM "public"\."User"/);
      // Placeholders, not the values asked for.
      expect(after.latest.at(-1)).not.toContain("nobody@example.org");
      for (let i = 0; i < KEPT_STATEMENTS; i += 1) await client.$queryRaw`SELECT 1`;
      expect(queriesSoFar().latest).toHaveLength(KEPT_STATEMENTS);
    } finally {
      await client.$disconnect();
    }
  });
});
