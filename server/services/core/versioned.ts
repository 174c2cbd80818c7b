/**
 * No lost edits. Actions, findings, measures and plans carry a `version`; a save names the
 * version the editor loaded and succeeds only if nobody has saved since:
 *
 *   const { count } = await tx.action.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
 *   if (count === 0) throw await staleSave(tx, { what: "action", entityId: id, current: () => load(tx) });
 *
 * The refusal carries the record as it is now (in the form's own shape), its version, and who
 * saved it last, so the form can show what changed and let the editor reapply their change.
 */
import type { Tx } from "@/server/services/core/audit";
import { AppError, notFound } from "@/server/errors";

export type StaleSaveDetails = {
  /** The record now, in the shape the form edits; includes `version`. */
  current: Record<string, unknown> & { version: number };
  changedBy: string | null;
  changedAt: string | null;
};

export async function staleSave(
  tx: Tx,
  { what, entityId, current }: { what: string; entityId: string; current: () => Promise<(Record<string, unknown> & { version: number }) | null> },
): Promise<AppError> {
  const now = await current();
  if (!now) return notFound(`That ${what}`);
  const last = await tx.auditEvent.findFirst({
    where: { entityId },
    orderBy: { at: "desc" },
    select: { at: true, actor: { select: { name: true, email: true } } },
  });
  const details: StaleSaveDetails = {
    current: JSON.parse(JSON.stringify(now)) as StaleSaveDetails["current"],
    changedBy: last?.actor?.name ?? last?.actor?.email ?? null,
    changedAt: last?.at.toISOString() ?? null,
  };
  return new AppError(
    "CONFLICT",
    `Someone else saved this ${what} while you were editing it${details.changedBy ? ` (${details.changedBy})` : ""}. Nothing of yours was saved: check what changed, then save your change again.`,
    details,
  );
}
