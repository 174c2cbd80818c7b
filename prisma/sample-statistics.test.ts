/**
 * The demo's sample statistics: loaded by the seed through the administrators' import, linked to
 * Northbridge's timeliness measure so its chart has all four lines, marked as illustrative, and
 * changing nothing when seeded again. On a database of this file's own: published figures are
 * shared by every area.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import { SAMPLE_MEASURE, seedSampleStatistics } from "@/prisma/sample-statistics";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, ownDatabase } from "@/server/testing/harness";

let db: PrismaClient;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await ownDatabase());
  await seedDemo(db);
}, 120_000);
afterAll(async () => {
  await drop();
});

describe("the demo's sample statistics", () => {
  it("are marked as an illustrative sample, not published figures", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "sample-data", "README.md"), "utf8");
    expect(readme).toContain("Illustrative sample, not published figures");
  });

  it("link Northbridge's M1 and give its chart England, the North West and its ten neighbours' average", async () => {
    const done = await seedSampleStatistics(db);
    expect(done).toEqual([
      "linked Northbridge's M1 to the published measure",
      "ehcp-timeliness-sample.csv: 56 new, 0 changed",
      "statistical-neighbours-sample.csv: 1 new, 0 changed",
    ]);
    const m1 = await db.measure.findFirstOrThrow({ where: { ref: "M1", localArea: { slug: "northbridge" } }, select: { id: true, catalogueMeasureId: true } });
    expect(m1.catalogueMeasureId).toBe(SAMPLE_MEASURE);
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@northbridge.example" } });
    const chart = (await (await callerFor(db, lead.id)).measure.byId({ id: m1.id })).chart;
    const lines = chart.comparisons!.lines;
    expect(lines.map((l) => [l.series, l.label])).toEqual([
      ["ENGLAND", "England"],
      ["REGION", "North West"],
      ["NEIGHBOURS", "Statistical neighbours (average)"],
    ]);
    for (const line of lines) expect(line.points.length).toBeGreaterThan(0);
    // The sample's 2025 neighbours: the mean of its ten fictional authorities' figures.
    const neighbours2025 = [57.1, 36.8, 45.3, 33.0, 50.4, 40.1, 62.5, 39.2, 47.0, 53.6];
    const latest = lines[2]!.points.at(-1)!;
    expect(latest).toMatchObject({ period: "2025", count: 10 });
    expect(latest.value).toBeCloseTo(neighbours2025.reduce((a, b) => a + b, 0) / 10, 4);
  });

  it("change nothing when seeded again", async () => {
    const audits = await db.auditEvent.count();
    const figures = await db.publishedStatistic.count();
    expect(await seedSampleStatistics(db)).toEqual([]);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await db.publishedStatistic.count()).toBe(figures);
  });
});
