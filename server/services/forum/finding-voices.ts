/**
 * Beside a finding's two axes (delivery, impact), the two independent voices: the parent carer
 * forum's current verdict and the adviser's latest view. One place, so the area home, snapshots
 * and board packs agree. Two queries for a whole area, or none when a page reads the rows with its
 * own (voicesOf).
 */
import type { Prisma } from "@/server/generated/prisma/client";
import type { AdviserView, CoproductionLevel, VerdictKind } from "@/server/generated/prisma/enums";
import type { Db } from "@/server/services/core/audit";

export type FindingVoices = {
  /** The forum's current verdict on the finding itself (the one nothing supersedes). */
  verdict: { verdict: VerdictKind; levelRecognised: CoproductionLevel | null; at: Date } | null;
  /** Current DISAGREE verdicts on the finding or its actions. */
  disagreements: number;
  /** The adviser's latest view on the finding; undefined when the viewer may not see it. */
  adviserView?: { view: AdviserView; date: Date } | null;
};

/** What the voices read of a current verdict: its finding, or its action's. Spread into a verdict `select`. */
export const VOICE_VERDICT_FIELDS = {
  findingId: true,
  verdict: true,
  levelRecognised: true,
  createdAt: true,
  action: { select: { findingId: true } },
} as const satisfies Prisma.ForumVerdictSelect;

/** Current verdicts only: a superseded verdict has a successor pointing at it. */
export const CURRENT_VERDICT = { supersededBy: { is: null } } as const satisfies Prisma.ForumVerdictWhereInput;

/** The adviser's views, latest first: an area's `adviserNotes` relation read for the voices. */
export const ADVISER_VIEWS = {
  where: { findingId: { not: null }, view: { not: null } },
  orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  select: { findingId: true, view: true, date: true },
} as const satisfies Prisma.LocalArea$adviserNotesArgs;

type VerdictRow = Prisma.ForumVerdictGetPayload<{ select: typeof VOICE_VERDICT_FIELDS }>;
type ViewRow = { findingId: string | null; view: AdviserView | null; date: Date };

/**
 * The voices of `findingIds` from an area's current verdicts and adviser views, each newest first;
 * rows about other findings are passed over. `views` null: the viewer may not read adviser notes
 * ("adviserNote.read"), and the adviser's view is left out, not blanked.
 */
export function voicesOf(
  findingIds: readonly string[],
  verdicts: ReadonlyArray<VerdictRow>,
  views: ReadonlyArray<ViewRow> | null,
): Map<string, FindingVoices> {
  const voices = new Map<string, FindingVoices>(
    findingIds.map((id) => [id, views ? { verdict: null, disagreements: 0, adviserView: null } : { verdict: null, disagreements: 0 }]),
  );
  for (const v of verdicts) {
    const findingId = v.findingId ?? v.action?.findingId;
    const entry = findingId ? voices.get(findingId) : undefined;
    if (!entry) continue;
    if (v.verdict === "DISAGREE") entry.disagreements += 1;
    // Newest first, so the first verdict on the finding itself is its current one.
    if (v.findingId && !entry.verdict) entry.verdict = { verdict: v.verdict, levelRecognised: v.levelRecognised, at: v.createdAt };
  }
  for (const n of views ?? []) {
    const entry = n.findingId ? voices.get(n.findingId) : undefined;
    if (entry && !entry.adviserView && n.view) entry.adviserView = { view: n.view, date: n.date };
  }
  return voices;
}

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
      where: { localAreaId, ...CURRENT_VERDICT, OR: [{ findingId: { in: ids } }, { action: { findingId: { in: ids } } }] },
      orderBy: { createdAt: "desc" },
      select: VOICE_VERDICT_FIELDS,
    }),
    withAdviserViews ? db.adviserNote.findMany({ ...ADVISER_VIEWS, where: { localAreaId, findingId: { in: ids }, view: { not: null } } }) : null,
  ]);
  return voicesOf(ids, verdicts, notes);
}
