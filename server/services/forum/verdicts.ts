/**
 * The parent carer forum's verdicts on actions and findings: its own voice, which the council
 * cannot alter. A verdict is never updated or deleted (the table refuses both); a new verdict on
 * the same action or finding supersedes the current one. The forum speaks as a body: any of its
 * current members may give the next verdict, so a verdict never becomes unchangeable because its
 * author left the forum, and the history keeps who gave each one. Everyone who reads the area sees
 * the history.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can, type Viewer } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { RecordVerdictInput, VerdictTarget } from "@/server/schemas/forum";
import { requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db, type Tx } from "@/server/services/core/audit";
import { findingTitle } from "@/lib/format/finding-title";
import { isOpenPlan, PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";
import type { PlanEndingFacts } from "@/server/domain/plan-journey";

type Reader = Pick<ServiceContext, "db" | "viewer">;

export type ResolvedTarget = {
  kind: "action" | "finding";
  id: string;
  localAreaId: string;
  label: string;
  /** The plan it belongs to: the forum gives no new verdict on an ended plan's records. */
  plan: PlanEndingFacts;
};

/** The action or finding, if the viewer may read its area; else NOT_FOUND. */
async function findTarget(db: Db, viewer: Viewer, target: VerdictTarget): Promise<ResolvedTarget> {
  if (target.actionId) {
    const a = await findInArea({ db, viewer }, "action", {
      where: { id: target.actionId },
      select: { id: true, localAreaId: true, ref: true, title: true, finding: { select: { plan: PLAN_ENDING } } },
    });
    return { kind: "action", id: a.id, localAreaId: a.localAreaId, label: `Action ${a.ref} ${a.title}`, plan: a.finding.plan };
  }
  if (target.findingId) {
    const f = await findInArea({ db, viewer }, "finding", {
      where: { id: target.findingId },
      select: { id: true, localAreaId: true, ref: true, summary: true, inspectorsWording: true, plan: PLAN_ENDING },
    });
    return { kind: "finding", id: f.id, localAreaId: f.localAreaId, label: `Finding ${f.ref} ${findingTitle(f)}`, plan: f.plan };
  }
  throw new AppError("INVALID", "A verdict is on exactly one action or finding.");
}

const onTarget = (t: ResolvedTarget) => (t.kind === "action" ? { actionId: t.id } : { findingId: t.id });

export const VERDICT_SELECT = {
  id: true,
  verdict: true,
  levelRecognised: true,
  cornerstonesMet: true,
  text: true,
  isPublic: true,
  createdAt: true,
  authorId: true,
  supersedesId: true,
  author: { select: { name: true } },
  supersededBy: { select: { id: true } },
} as const satisfies Prisma.ForumVerdictSelect;

export type VerdictRow = Prisma.ForumVerdictGetPayload<{ select: typeof VERDICT_SELECT }>;

export function toVerdict({ author, supersededBy, ...v }: VerdictRow) {
  return { ...v, authorName: author.name, current: supersededBy === null };
}
export type Verdict = ReturnType<typeof toVerdict>;

/** The verdict on a target that nothing supersedes. */
function currentVerdict(db: Db, target: ResolvedTarget) {
  return db.forumVerdict.findFirst({
    where: { ...onTarget(target), supersededBy: { is: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
}

/**
 * A target's verdicts as its section shows them, from its rows newest first: the current one
 * first, then the earlier ones newest first, and whether the viewer may give the next one (any
 * current member of the area's forum).
 */
export function verdictsOn(viewer: Viewer, target: ResolvedTarget, rows: ReadonlyArray<VerdictRow>) {
  const verdicts = rows.map(toVerdict).sort((a, b) => Number(b.current) - Number(a.current));
  const current = verdicts.find((v) => v.current) ?? null;
  return {
    target: { kind: target.kind, id: target.id, label: target.label },
    verdicts,
    current,
    viewerCan: { record: isOpenPlan(target.plan) && can(viewer, "forum.write", target) },
  };
}

/** Every verdict on an action or a finding, the current one first, then the earlier ones newest first. */
export async function verdictsFor(ctx: Reader, input: VerdictTarget) {
  const target = await findTarget(ctx.db, ctx.viewer, input);
  const rows = await ctx.db.forumVerdict.findMany({
    where: { localAreaId: target.localAreaId, ...onTarget(target) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: VERDICT_SELECT,
  });
  return verdictsOn(ctx.viewer, target, rows);
}

/** Serialises verdicts on one target: two first verdicts given at once cannot both be current. */
async function lockTarget(tx: Tx, target: ResolvedTarget) {
  if (target.kind === "action") await tx.$queryRaw`SELECT id FROM "Action" WHERE id = ${target.id} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Finding" WHERE id = ${target.id} FOR UPDATE`;
}

const CHANGED_MEANWHILE = (what: string) =>
  new AppError(
    "CONFLICT",
    `A new verdict on this ${what} was given while you were writing yours. Nothing of yours was saved: read the current verdict, then give yours again.`,
  );

/**
 * Records a verdict from a FORUM member. On a target with a current verdict, the new one
 * supersedes it, whoever in the forum gave that one: membership of the forum now is what counts.
 */
export async function recordVerdict(ctx: ServiceContext, input: RecordVerdictInput) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const target = await findTarget(tx, ctx.viewer, input);
      requireCan(ctx, "forum.write", target, "Only members of the parent carer forum can give the forum's verdict.");
      requireOpenPlan(target.plan);
      await lockTarget(tx, target);
      const current = await currentVerdict(tx, target);
      if ((current?.id ?? "") !== input.replaces) throw CHANGED_MEANWHILE(target.kind);
      const fields = {
        verdict: input.verdict,
        levelRecognised: input.levelRecognised || null,
        cornerstonesMet: input.cornerstonesMet,
        text: input.text,
        isPublic: input.isPublic,
      };
      const created = await tx.forumVerdict.create({
        data: { localAreaId: target.localAreaId, ...onTarget(target), authorId: ctx.viewer.userId, ...fields, supersedesId: current?.id ?? null },
        select: { id: true, createdAt: true },
      });
      await recordAudit(tx, ctx, {
        action: "forum.recordVerdict",
        entityType: "ForumVerdict",
        entityId: created.id,
        localAreaId: target.localAreaId,
        after: { target: target.label, ...fields, supersedes: current?.id ?? null },
      });
      return { id: created.id, supersedes: current?.id ?? null };
    });
  } catch (error) {
    // Two supersessions of the same verdict: the unique supersedesId lets only one commit.
    if ((error as { code?: string } | null)?.code === "P2002") throw CHANGED_MEANWHILE(input.actionId ? "action" : "finding");
    throw error;
  }
}
