/**
 * The forum's view of an area: what awaits its verdict, every verdict it has given, its own
 * evidence, and where it currently disagrees (which the lead and advisers must not miss).
 */
import { ENDED_PLAN_STATUSES } from "@/server/domain/plan-journey";
import type { ServiceContext } from "@/server/services/core/context";
import { can } from "@/server/auth/permissions";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Visibility } from "@/server/generated/prisma/enums";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";
import { downloadPath } from "@/server/services/evidence/evidence";
import { CURRENT_VERDICT } from "@/server/services/forum/finding-voices";
import { CLAIMS_NEEDING_VERDICT } from "@/server/services/notifications/notifications-hooks";
import { toVerdict, VERDICT_SELECT } from "@/server/services/forum/verdicts";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Reader = Pick<ServiceContext, "db" | "viewer">;

const TARGET_SELECT = {
  action: { select: { id: true, ref: true, title: true } },
  finding: { select: { id: true, ref: true, summary: true, inspectorsWording: true } },
} as const satisfies Prisma.ForumVerdictSelect;

type TargetRow = Prisma.ForumVerdictGetPayload<{ select: typeof TARGET_SELECT }>;

/** What a verdict is about, with the page it links to. */
function about(slug: string, { action, finding }: TargetRow) {
  if (action) return { kind: "action" as const, label: `Action ${action.ref}: ${action.title}`, href: routes.action(slug, action.id) };
  return {
    kind: "finding" as const,
    label: finding ? `Finding ${finding.ref}: ${findingTitle(finding)}` : "A finding",
    href: finding ? routes.finding(slug, finding.id) : null,
  };
}

/** What the disagreements panel shows of a verdict. Spread into a verdict `select`. */
export const DISAGREEMENT_FIELDS = { ...VERDICT_SELECT, ...TARGET_SELECT } as const satisfies Prisma.ForumVerdictSelect;

/** Verdicts newest first, as every list of them shows them. */
export const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.ForumVerdictOrderByWithRelationInput[];

/** A current DISAGREE verdict as the panel shows it. */
export function disagreementOf(slug: string, { action, finding, ...v }: Prisma.ForumVerdictGetPayload<{ select: typeof DISAGREEMENT_FIELDS }>) {
  return { ...toVerdict(v), about: about(slug, { action, finding }) };
}

/** The current DISAGREE verdicts of an area, newest first. */
async function disagreementsIn(db: Db, area: { id: string; slug: string }) {
  const rows = await db.forumVerdict.findMany({
    where: { localAreaId: area.id, verdict: "DISAGREE", ...CURRENT_VERDICT },
    orderBy: NEWEST_FIRST,
    select: DISAGREEMENT_FIELDS,
  });
  return rows.map((row) => disagreementOf(area.slug, row));
}

/** Where the forum currently disagrees (the area home reads it with its own query: areas.ts). */
export async function forumDisagreements(ctx: Reader, slug: string) {
  const area = await areaBySlug(ctx as ServiceContext, slug, "plan.read");
  return disagreementsIn(ctx.db, area);
}

/** When the council last changed an action: an update, an edit, or a co-production record. */
function lastChanged(a: { lastUpdateAt: Date | null; updatedAt: Date; coproduction: { createdAt: Date }[] }) {
  const dates = [a.lastUpdateAt, a.updatedAt, a.coproduction[0]?.createdAt].filter((d): d is Date => d != null);
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/**
 * Who is in the area's forum, for its own members: the forum speaks as a body, so each member
 * sees who else speaks for it. Names, job titles and organisations only: no addresses.
 */
function forumMembers(db: Db, localAreaId: string) {
  return db.user.findMany({
    where: { memberships: { some: { localAreaId, role: "FORUM" } }, disabledAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, jobTitle: true, organisation: { select: { name: true } } },
  });
}

export async function forumView(ctx: Reader, slug: string) {
  const area = await areaBySlug(ctx as ServiceContext, slug, "plan.read");
  const visible: Visibility[] = can(ctx.viewer, "internal.read", { localAreaId: area.id }) ? ["INTERNAL", "PARTNERS", "PUBLIC"] : ["PARTNERS", "PUBLIC"];
  const isForum = can(ctx.viewer, "forum.write", { localAreaId: area.id });
  const [plan, history, evidence, disagreements, members] = await Promise.all([
    ctx.db.localArea.findUniqueOrThrow({
      where: { id: area.id },
      select: {
        plans: {
          ...CURRENT_PLAN,
          select: {
            findings: {
              orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
              select: {
                actions: {
                  where: { coproductionLevel: { in: CLAIMS_NEEDING_VERDICT }, status: { not: "CANCELLED" } },
                  orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
                  select: {
                    id: true,
                    ref: true,
                    title: true,
                    coproductionLevel: true,
                    lastUpdateAt: true,
                    updatedAt: true,
                    coproduction: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
                    forumVerdicts: {
                      where: { supersededBy: { is: null } },
                      orderBy: { createdAt: "desc" },
                      take: 1,
                      select: { verdict: true, createdAt: true },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
    ctx.db.forumVerdict.findMany({
      where: { localAreaId: area.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { ...VERDICT_SELECT, ...TARGET_SELECT },
    }),
    ctx.db.evidence.findMany({
      // The forum's evidence: what its members added.
      where: { localAreaId: area.id, visibility: { in: visible }, uploadedBy: { memberships: { some: { localAreaId: area.id, role: "FORUM" } } } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        title: true,
        description: true,
        url: true,
        storageKey: true,
        fileName: true,
        visibility: true,
        reviewStatus: true,
        createdAt: true,
        withdrawnAt: true,
        withdrawalReason: true,
        withdrawnBy: { select: { name: true } },
        uploadedBy: { select: { name: true } },
        action: { select: { id: true, ref: true, title: true } },
        finding: { select: { id: true, ref: true, summary: true, inspectorsWording: true } },
      },
    }),
    disagreementsIn(ctx.db, area),
    isForum ? forumMembers(ctx.db, area.id) : null,
  ]);
  // What the forum may add its evidence to: the current plan's findings and actions.
  const targets = await ctx.db.finding.findMany({
    where: { localAreaId: area.id, plan: { status: { notIn: [...ENDED_PLAN_STATUSES] } } },
    orderBy: [{ plan: { createdAt: "desc" } }, { sortOrder: "asc" }, { ref: "asc" }],
    select: { id: true, ref: true, summary: true, inspectorsWording: true, actions: { orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: { id: true, ref: true, title: true } } },
  });

  const actions = plan.plans[0]?.findings.flatMap((f) => f.actions) ?? [];
  const awaiting = actions.flatMap((a) => {
    const verdict = a.forumVerdicts[0] ?? null;
    const changed = lastChanged(a);
    if (verdict && changed <= verdict.createdAt) return [];
    return [
      {
        id: a.id,
        ref: a.ref,
        title: a.title,
        claimedLevel: a.coproductionLevel!,
        href: routes.action(area.slug, a.id),
        reason: verdict ? ("CHANGED" as const) : ("NO_VERDICT" as const),
        currentVerdict: verdict,
        changedAt: changed,
      },
    ];
  });

  return {
    area,
    awaiting,
    history: history.map(({ action, finding, ...v }) => ({ ...toVerdict(v), about: about(area.slug, { action, finding }) })),
    disagreements,
    evidence: evidence.map(({ storageKey, uploadedBy, action, finding, withdrawnAt, withdrawalReason, withdrawnBy, ...e }) => ({
      ...e,
      href: storageKey ? downloadPath(e.id) : e.url,
      uploadedBy: uploadedBy?.name ?? null,
      // The lead withdrew it: the forum is told who, when and why, as everyone who sees it is.
      withdrawn: withdrawnAt ? { at: withdrawnAt, by: withdrawnBy?.name ?? null, reason: withdrawalReason ?? "" } : null,
      about: about(area.slug, { action, finding }),
    })),
    targets: targets.flatMap((f) => [
      { value: `finding:${f.id}`, label: `Finding ${f.ref}: ${findingTitle(f)}` },
      ...f.actions.map((a) => ({ value: `action:${a.id}`, label: `Action ${a.ref}: ${a.title}` })),
    ]),
    /** The forum's members, shown to its members only (null for everyone else). */
    members: members?.map((m) => ({ id: m.id, name: m.name, jobTitle: m.jobTitle, organisation: m.organisation?.name ?? null, isYou: m.id === ctx.viewer.userId })) ?? null,
    viewerCan: { record: isForum },
  };
}
