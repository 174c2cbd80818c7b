/**
 * Notifications that follow something a person did, called by the service that did it, with its
 * transaction, so the notification commits (or not) with the change. Emails go out on the next
 * delivery pass (server/jobs). Each has a dedupe key, so calling it twice for the same reason
 * notifies nobody twice.
 */
import { ENDED_PLAN_STATUSES } from "@/server/domain/plan-journey";
import { formatDate } from "@/lib/format/dates";
import type { ControlledField } from "@/server/domain/change-control";
import { CONTROLLED_FIELD, COPRODUCTION_LEVEL } from "@/lib/labels";
import type { CoproductionLevel } from "@/server/generated/prisma/enums";
import { writeBody } from "@/server/email/notification-body";
import { queueNotifications } from "@/server/jobs/notify";
import type { Db } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";
import { routes } from "@/lib/routes";

/** The claims the forum is asked to confirm: the top of the ladder, where claims matter most at a revisit. */
export const CLAIMS_NEEDING_VERDICT: CoproductionLevel[] = ["CO_DESIGNING", "CO_PRODUCING"];

/** CLAIMED: the action claims co-designing or co-producing. CHANGED: it changed after the forum's verdict. */
export type VerdictRequestReason = "CLAIMED" | "CHANGED";

/** Only a verdict nobody has superseded counts. */
export const CURRENT_VERDICT = { where: { supersededBy: { is: null } }, orderBy: { createdAt: "desc" as const }, take: 1 };

/**
 * Asks the area's parent carer forum members for a verdict on an action. Without a current verdict
 * the request is keyed by the level claimed (a new claim asks again); after a verdict it is keyed
 * by that verdict (the first change after it asks once, until the forum answers). Returns how many
 * people were newly notified.
 */
export async function notifyVerdictRequested(tx: Db, actionId: string, reason: VerdictRequestReason, now: Date = today()): Promise<number> {
  const action = await tx.action.findUnique({
    where: { id: actionId },
    select: {
      id: true,
      ref: true,
      title: true,
      localAreaId: true,
      coproductionLevel: true,
      localArea: { select: { slug: true, name: true } },
      forumVerdicts: { ...CURRENT_VERDICT, select: { id: true, createdAt: true } },
    },
  });
  if (!action) return 0;
  const verdict = action.forumVerdicts[0];
  const level = action.coproductionLevel;
  const claimed = level !== null && CLAIMS_NEEDING_VERDICT.includes(level);
  if (!verdict && !claimed) return 0;
  const changed = reason === "CHANGED" && verdict !== undefined;
  if (!changed && verdict) return 0; // the claim already has the forum's verdict

  const forum = await tx.membership.findMany({ where: { localAreaId: action.localAreaId, role: "FORUM" }, select: { userId: true } });
  const name = `action ${action.ref}, ${action.title}, in ${action.localArea.name}`;
  const body = changed
    ? writeBody([
        { type: "paragraph", text: `The council changed ${name} after the forum gave its verdict on ${formatDate(verdict.createdAt)}.` },
        { type: "paragraph", text: "Look at it again and say whether the forum's verdict still stands." },
      ])
    : writeBody([
        { type: "paragraph", text: `The council says ${name} is ${COPRODUCTION_LEVEL[level!].toLowerCase()} with families.` },
        { type: "paragraph", text: "The forum's own verdict tells advisers and inspectors whether families were really involved that way." },
      ]);
  return queueNotifications(
    tx,
    forum.map((m) => ({
      userId: m.userId,
      localAreaId: action.localAreaId,
      kind: "VERDICT_REQUESTED" as const,
      dedupeKey: changed ? `VERDICT_REQUESTED:${action.id}:after:${verdict.id}` : `VERDICT_REQUESTED:${action.id}:claim:${level}`,
      title: changed ? `Action ${action.ref} changed since the forum's verdict` : `The forum's verdict is asked for on action ${action.ref}`,
      body,
      href: routes.action(action.localArea.slug, action.id),
    })),
    now,
  );
}

/**
 * The daily look for actions that claim co-designing or co-producing with no current verdict, or
 * whose co-production record grew after the verdict. Until the co-production screens exist this is
 * what asks; afterwards their services call notifyVerdictRequested themselves and this catches up.
 */
export async function requestMissingVerdicts(db: Db, now: Date): Promise<number> {
  const actions = await db.action.findMany({
    where: {
      status: { not: "CANCELLED" },
      finding: { plan: { status: { notIn: ["DRAFT", ...ENDED_PLAN_STATUSES] } } },
      OR: [{ coproductionLevel: { in: CLAIMS_NEEDING_VERDICT } }, { forumVerdicts: { some: {} } }],
    },
    select: {
      id: true,
      forumVerdicts: { ...CURRENT_VERDICT, select: { createdAt: true } },
      coproduction: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  let queued = 0;
  for (const a of actions) {
    const verdict = a.forumVerdicts[0];
    const latestRecord = a.coproduction[0]?.createdAt;
    if (!verdict) queued += await notifyVerdictRequested(db, a.id, "CLAIMED", now);
    else if (latestRecord && latestRecord > verdict.createdAt) queued += await notifyVerdictRequested(db, a.id, "CHANGED", now);
  }
  return queued;
}

/** Tells the person who asked for a change that an adviser decided it. Nothing while it is pending. */
export async function notifyChangeRequestDecided(tx: Db, changeRequestId: string, now: Date = today()): Promise<number> {
  const cr = await tx.changeRequest.findUnique({
    where: { id: changeRequestId },
    select: {
      id: true,
      status: true,
      field: true,
      entityType: true,
      decisionNote: true,
      requestedById: true,
      localAreaId: true,
      localArea: { select: { slug: true, name: true } },
      plan: { select: { title: true } },
    },
  });
  if (!cr || cr.status === "PENDING" || !cr.requestedById) return 0;
  const decision = cr.status === "APPROVED" ? "approved" : "rejected";
  // "due date of an action": the field as the editors name it.
  const fieldName = (CONTROLLED_FIELD[cr.field as ControlledField] ?? cr.field).toLowerCase();
  const entity = cr.entityType.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const thing = `${fieldName} of ${/^[aeiou]/.test(entity) ? "an" : "a"} ${entity}`;
  return queueNotifications(
    tx,
    [
      {
        userId: cr.requestedById,
        localAreaId: cr.localAreaId,
        kind: "CHANGE_REQUEST_DECIDED",
        dedupeKey: `CHANGE_REQUEST_DECIDED:${cr.id}:${cr.status}`,
        title: `Your change request was ${decision}`,
        body: writeBody([
          { type: "paragraph", text: `Your request to change the ${thing} in ${cr.plan.title} (${cr.localArea.name}) was ${decision} by the adviser.` },
          ...(cr.decisionNote ? [{ type: "paragraph" as const, text: `The adviser's note: ${cr.decisionNote}` }] : []),
        ]),
        href: routes.plan(cr.localArea.slug),
      },
    ],
    now,
  );
}
