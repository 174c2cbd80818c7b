/**
 * Beside a finding's two axes (delivery, impact), the two independent voices: the parent carer
 * forum's current verdict and the adviser's latest view. One place, so the area home, snapshots
 * and board packs agree. A constant number of queries for a whole area.
 */
import type { AdviserView, CoproductionLevel, VerdictKind } from "@/server/generated/prisma/enums";
import type { Db } from "@/server/services/audit";

export type FindingVoices = {
  /** The forum's current verdict on the finding itself (the one nothing supersedes). */
  verdict: { verdict: VerdictKind; levelRecognised: CoproductionLevel | null; at: Date } | null;
  /** Current DISAGREE verdicts on the finding or its actions. */
  disagreements: number;
  /** The adviser's latest view on the finding; undefined when the viewer may not see it. */
  adviserView?: { view: AdviserView; date: Date } | null;
};

/**
 * Voices for every finding of one plan. `withAdviserViews` is the caller's permission
 * ("adviserNote.read"): without it the adviser's view is left out, not blanked.
 */
export async function findingVoices(
  db: Db,
  localAreaId: string,
  findingIds: readonly string[],
  withAdviserViews: boolean,
): Promise<Map<string, FindingVoices>> {
  const ids = [...findingIds];
  const [verdicts, notes] = await Promise.all([
    db.forumVerdict.findMany({
      // Current verdicts only: a superseded verdict has a successor pointing at it.
      where: { localAreaId, supersededBy: null, OR: [{ findingId: { in: ids } }, { action: { findingId: { in: ids } } }] },
      orderBy: { createdAt: "desc" },
      select: { findingId: true, verdict: true, levelRecognised: true, createdAt: true, action: { select: { findingId: true } } },
    }),
    withAdviserViews
      ? db.adviserNote.findMany({
          where: { localAreaId, findingId: { in: ids }, view: { not: null } },
          orderBy: [{ date: "desc" }, { createdAt: "desc" }],
          select: { findingId: true, view: true, date: true },
        })
      : Promise.resolve([]),
  ]);

  const voices = new Map<string, FindingVoices>(
    ids.map((id) => [id, withAdviserViews ? { verdict: null, disagreements: 0, adviserView: null } : { verdict: null, disagreements: 0 }]),
  );
  for (const v of verdicts) {
    const findingId = v.findingId ?? v.action?.findingId;
    const entry = findingId ? voices.get(findingId) : undefined;
    if (!entry) continue;
    if (v.verdict === "DISAGREE") entry.disagreements += 1;
    // Newest first, so the first verdict on the finding itself is its current one.
    if (v.findingId && !entry.verdict) entry.verdict = { verdict: v.verdict, levelRecognised: v.levelRecognised, at: v.createdAt };
  }
  for (const n of notes) {
    const entry = n.findingId ? voices.get(n.findingId) : undefined;
    if (entry && !entry.adviserView && n.view) entry.adviserView = { view: n.view, date: n.date };
  }
  return voices;
}
