import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { checkDatabase } from "@/server/services/core/health";
import { testDb } from "@/server/testing/harness";

describe("checkDatabase", () => {
  it("reports the database reachable", async () => {
    const db = testDb();
    expect(await checkDatabase(db)).toMatchObject({ ok: true });
    await db.$disconnect();
  });

  it("reports a database that does not answer, quickly", async () => {
    // Nothing listens on port 1.
    const down = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 1_000 }) });
    const t0 = Date.now();
    const result = await checkDatabase(down);
    expect(result.ok).toBe(false);
    expect(result.error).toBeTruthy();
    expect(Date.now() - t0).toBeLessThan(4_000);
  });
});
