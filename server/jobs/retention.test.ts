/**
 * The daily retention job with a controlled clock and a real folder: it deletes the evidence files
 * of plans closed more than RETENTION_YEARS (6) ago, and nothing else: not a plan closed more
 * recently, not an old plan still open, not a link. The records stay, saying when their file went;
 * each deletion is audited.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAreaWithPlan, createEvidence, createMeasure } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { runJob } from "@/server/jobs/run";
import { retentionCutoff } from "@/server/jobs/retention";
import { ownDatabase } from "@/server/testing/harness";
import { newStorageKey } from "@/server/storage/keys";
import { getStorage } from "@/server/storage/storage";

// Before any import reads the environment: files go to a folder of this run's own.
const storageDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = await mkdtemp(p.join(os.tmpdir(), "headway-retention-test-"));
  process.env.STORAGE_DIR = dir;
  delete process.env.S3_BUCKET;
  delete process.env.RETENTION_YEARS;
  return dir;
});

// A job works through the whole database: on a database of this file's own, it meets only this file's plans.
let db: PrismaClient;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await ownDatabase());
});
afterAll(async () => {
  await drop();
  const { rm } = await import("node:fs/promises");
  await rm(storageDir, { recursive: true, force: true });
});

const NOW = new Date("2032-03-15T02:30:00Z");
const yearsAgo = (years: number, days = 0) => new Date(retentionCutoff(NOW, years).getTime() - days * 86_400_000);
const retention = () => runJob("retention", { db, send: null, baseUrl: "https://headway.test" }, NOW);

/** An area whose plan has `status`, last changed at `lastChanged`. */
async function planOf(status: "CLOSED" | "ACTIVE", lastChanged: Date) {
  const area = await createAreaWithPlan(db);
  await db.$executeRawUnsafe(`UPDATE "Plan" SET "status" = '${status}', "updatedAt" = $1 WHERE "id" = $2`, lastChanged, area.planId);
  return area;
}

/** A stored file as evidence on `target`. */
async function fileOn(target: { actionId: string } | { findingId: string } | { measureId: string }) {
  const bytes = Buffer.from(`%PDF-1.4 minutes ${Math.random()}`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = newStorageKey(sha256);
  await getStorage().put(storageKey, bytes, "application/pdf");
  const evidence = await createEvidence(db, { ...target, url: null, storageKey, sha256, fileName: "minutes.pdf", mimeType: "application/pdf" });
  return { id: evidence.id, storageKey };
}

const stored = async (key: string) => (await getStorage().get(key)) !== null;

describe("the retention job", () => {
  it("deletes only the files of plans closed more than 6 years ago, keeps the records, and audits each", async () => {
    const old = await planOf("CLOSED", yearsAgo(6, 1));
    const measure = await createMeasure(db, { planId: old.planId, findingIds: [old.findingId] });
    const oldFiles = [await fileOn({ actionId: old.actionId }), await fileOn({ findingId: old.findingId }), await fileOn({ measureId: measure.id })];
    const oldLink = await createEvidence(db, { actionId: old.actionId });

    const recentlyClosed = await fileOn({ actionId: (await planOf("CLOSED", yearsAgo(6, -1))).actionId });
    const oldButOpen = await fileOn({ actionId: (await planOf("ACTIVE", yearsAgo(10))).actionId });

    const result = await retention();
    expect(result.deleted).toBe(3);

    for (const file of oldFiles) {
      expect(await stored(file.storageKey)).toBe(false);
      const row = await db.evidence.findUniqueOrThrow({ where: { id: file.id } });
      expect(row).toMatchObject({ storageKey: null, fileDeletedAt: NOW, title: expect.any(String) });
      const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: file.id, action: "evidence.expire" } });
      expect(event).toMatchObject({ actorId: null, localAreaId: old.localAreaId, requestId: "retention:2032-03-15" });
      expect(event.after).toMatchObject({ retentionYears: 6 });
    }
    expect(await stored(recentlyClosed.storageKey)).toBe(true);
    expect(await stored(oldButOpen.storageKey)).toBe(true);
    expect((await db.evidence.findUniqueOrThrow({ where: { id: oldLink.id } })).url).toBe(oldLink.url);
    for (const kept of [recentlyClosed, oldButOpen]) {
      expect(await db.evidence.findUniqueOrThrow({ where: { id: kept.id }, select: { storageKey: true, fileDeletedAt: true } })).toEqual({
        storageKey: kept.storageKey,
        fileDeletedAt: null,
      });
    }

    // The next night: nothing more to do, nothing audited twice.
    expect((await retention()).deleted).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "evidence.expire" } })).toBe(3);
  });

  it("is scheduled daily with the other jobs", async () => {
    const { JOB_NAMES, SCHEDULES } = await import("@/server/jobs/run");
    expect(JOB_NAMES).toContain("retention");
    expect(SCHEDULES.retention).toMatch(/^\d+ \d+ \* \* \*$/);
  });
});
