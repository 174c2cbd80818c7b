import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { opaquePng } from "@/server/services/board-pack/opaque-png";
import { sparklineGeometry, sparklineText } from "@/server/services/board-pack/sparkline";
import { offTrackChart } from "@/server/testing/test-pack";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

const weeks: MeasureChartData = {
  ...offTrackChart,
  ref: "M3",
  unit: "WEEKS",
  direction: "LOWER_IS_BETTER",
  trajectory: [
    { date: "2026-01-31", value: 86, kind: "BASELINE" },
    { date: "2026-07-31", value: 60, kind: "MILESTONE" },
    { date: "2027-01-31", value: 40, kind: "TARGET" },
  ],
  values: [
    { date: "2026-01-31", value: 86, status: "VALIDATED" },
    { date: "2026-04-30", value: 80, status: "VALIDATED" },
    { date: "2026-10-31", value: 73, status: "PROVISIONAL" },
  ],
};

describe("a measure's sparkline", () => {
  it("says which way the values went and whether that is the better way, for the measure's direction", () => {
    expect(sparklineText(weeks)).toBe(
      "Trend of M3: 3 values from 86 weeks (January 2026) to 73 weeks (October 2026), falling, the better way. Dashed: the trajectory over the same months, on its way to 40 weeks by 31 January 2027.",
    );
    expect(sparklineText({ ...weeks, direction: "HIGHER_IS_BETTER" })).toContain("falling, the worse way.");
    expect(sparklineText({ ...weeks, values: weeks.values.slice(0, 1) })).toContain("Trend of M3: one value, 86 weeks (January 2026).");
    expect(sparklineText({ ...weeks, values: [], trajectory: [] })).toBe("Trend of M3: no values yet. No trajectory.");
  });

  it("draws the trajectory only over the months the values cover, cut where they start and end", () => {
    const g = sparklineGeometry(weeks, 60, 20);
    expect(g.values).toHaveLength(3);
    // The baseline, the milestone, and where the trajectory stood on the last value's day (not the target, after it).
    expect(g.trajectory).toHaveLength(3);
    expect(g.trajectory[0]!.x).toBeCloseTo(g.values[0]!.x, 5);
    expect(g.trajectory.at(-1)!.x).toBeCloseTo(g.values.at(-1)!.x, 5);
    // Inside its box; the highest figure (86) at the top, the lowest (the trajectory on 31 October, about 50) at the bottom.
    for (const p of [...g.values, ...g.trajectory]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(60);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(20);
    }
    expect(g.values[0]!.y).toBeCloseTo(2, 5);
    expect(g.trajectory.at(-1)!.y).toBeCloseTo(18, 5);
  });

  it("puts a single point, or a flat line, in the middle of its box", () => {
    const one = sparklineGeometry({ ...weeks, values: weeks.values.slice(0, 1), trajectory: [] }, 60, 20);
    expect(one.values).toEqual([{ x: 30, y: 10 }]);
    expect(sparklineGeometry({ ...weeks, values: [], trajectory: [] }, 60, 20)).toEqual({ width: 60, height: 20, values: [], trajectory: [] });
  });
});

describe("a picture drawn on white, as an RGB PNG", () => {
  it("keeps each pixel's red, green and blue and drops the alpha", () => {
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 128, 255, 255, 10, 20, 30, 255, 1, 2, 3, 255]);
    const png = opaquePng({ width: 2, height: 2, rgba });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: 2 by 2, 8 bits, colour type 2 (RGB, no alpha).
    expect(png.toString("latin1", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([2, 2, 8, 2]);
    const idat = png.indexOf("IDAT", 0, "latin1");
    const data = png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4));
    expect([...inflateSync(data)]).toEqual([0, 255, 0, 0, 0, 128, 255, 0, 10, 20, 30, 1, 2, 3]);
    expect(png.toString("latin1", png.length - 8, png.length - 4)).toBe("IEND");
  });

  it("refuses pixels that do not match the size given", () => {
    expect(() => opaquePng({ width: 2, height: 2, rgba: new Uint8Array(12) })).toThrow("Expected 16 bytes of RGBA, got 12");
  });
});
