/**
 * The daily retention job (PRIVACY.md): evidence files of plans closed more than RETENTION_YEARS
 * ago are deleted from storage. The evidence records stay (title, who added it, its review) and
 * say when their file was deleted; each deletion is audited, with no one as the actor.
 *
 * When a plan was closed is not stored as such; its last change is, and a closed plan changes
 * rarely. A plan last changed N years ago was closed at least N years ago, so files are never
 * deleted early; a closed plan edited since is kept longer, from that edit.
 */
import { ENDED_PLAN_STATUSES } from "@/server/domain/plan-journey";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { env } from "@/server/env.js";
import { inTransaction, recordAudit } from "@/server/services/core/audit";
import { getStorage, type EvidenceStorage } from "@/server/storage/storage";

/** How many files one transaction deletes: a large first run is done in pieces. */
const BATCH = 100;

/** The moment `years` years before `now`: plans closed before it are past keeping. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

export type RetentionOptions = { years?: number; storage?: EvidenceStorage };

export async function runRetention(db: PrismaClient, now: Date, { years = env.RETENTION_YEARS, storage = getStorage() }: RetentionOptions = {}) {
  const cutoff = retentionCutoff(now, years);
  const pastKeeping: Prisma.PlanWhereInput = { status: { in: [...ENDED_PLAN_STATUSES] }, updatedAt: { lt: cutoff } };
  const due: Prisma.EvidenceWhereInput = {
    storageKey: { not: null },
    OR: [{ action: { finding: { plan: pastKeeping } } }, { finding: { plan: pastKeeping } }, { measure: { plan: pastKeeping } }],
  };
  const actor = { viewer: null, requestId: `retention:${now.toISOString().slice(0, 10)}` };
  let deleted = 0;
  for (;;) {
    const rows = await db.evidence.findMany({ where: due, select: { id: true, localAreaId: true, storageKey: true, sha256: true }, take: BATCH, orderBy: { id: "asc" } });
    if (rows.length === 0) break;
    // The records first: once they commit, nothing offers the files; then the files go.
    await inTransaction({ db }, async (tx) => {
      for (const row of rows) {
        await tx.evidence.update({ where: { id: row.id }, data: { storageKey: null, fileDeletedAt: now, readyForInspectors: false } });
        await recordAudit(tx, actor, {
          action: "evidence.expire",
          entityType: "Evidence",
          entityId: row.id,
          localAreaId: row.localAreaId,
          before: { sha256: row.sha256 },
          after: { fileDeletedAt: now, retentionYears: years, planClosedBefore: cutoff },
        });
      }
    });
    for (const row of rows) {
      await storage.delete(row.storageKey!).catch((error: unknown) => {
        console.error(`[retention] evidence ${row.id}: its record says deleted, but ${row.storageKey} could not be deleted:`, error);
      });
    }
    deleted += rows.length;
  }
  return { deleted };
}
