/**
 * The daily reminders for a given `now` (tests pass their own clock): updates due soon and
 * overdue (server/jobs/reminder-rules.ts), overdue updates escalated to plan leads, evidence
 * waiting for a lead's review, and verdicts the forum is asked for. Everything goes through the
 * outbox (server/jobs/notify.ts), so running it twice on one day queues nothing new.
 */
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { ACTION_HEALTH_FIELDS } from "@/server/domain/action-health";
import { writeBody } from "@/server/email/notification-body";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { PlanStatus } from "@/server/generated/prisma/enums";
import { queueNotifications, type NotificationDraft } from "@/server/jobs/notify";
import { dayKey, ESCALATE_AFTER_DAYS, updateReminders } from "@/server/jobs/reminder-rules";
import type { Db } from "@/server/services/core/audit";
import { requestMissingVerdicts } from "@/server/services/notifications/notifications-hooks";
import { routes } from "@/lib/routes";

/** Plans being delivered: a draft is still being written, a closed plan is history. */
const DELIVERY: PlanStatus[] = ["SUBMITTED", "ACCEPTED", "ACTIVE"];
/** Evidence pending longer than this was announced when it arrived (or predates reminders). */
const EVIDENCE_LOOKBACK_MS = 30 * 86_400_000;

const actionHref = (slug: string, id: string) => routes.action(slug, id);

async function leadsByArea(db: Db, localAreaIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db.membership.findMany({ where: { localAreaId: { in: localAreaIds }, role: "LEAD" }, select: { localAreaId: true, userId: true } });
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.localAreaId, [...(map.get(r.localAreaId) ?? []), r.userId]);
  return map;
}

export async function updateReminderDrafts(db: Db, now: Date): Promise<NotificationDraft[]> {
  const actions = await db.action.findMany({
    where: { status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, finding: { plan: { status: { in: DELIVERY } } } },
    select: {
      id: true,
      ref: true,
      title: true,
      localAreaId: true,
      ownerId: true,
      owner: { select: { name: true } },
      localArea: { select: { slug: true, name: true } },
      finding: { select: { plan: { select: { updateCadenceDays: true } } } },
      ...ACTION_HEALTH_FIELDS,
    },
  });
  const due = actions.map((a) => ({ a, reminders: updateReminders({ ...a, cadenceDays: a.finding.plan.updateCadenceDays, today: now }) }));
  const escalatedAreas = due.filter((d) => d.reminders.some((r) => r.to === "LEADS")).map((d) => d.a.localAreaId);
  const leads = await leadsByArea(db, [...new Set(escalatedAreas)]);

  const drafts: NotificationDraft[] = [];
  for (const { a, reminders } of due) {
    const name = `action ${a.ref}, ${a.title}, in ${a.localArea.name}`;
    const common = { localAreaId: a.localAreaId, href: actionHref(a.localArea.slug, a.id) };
    for (const r of reminders) {
      const day = dayKey(r.dueDay);
      if (r.kind === "UPDATE_DUE_SOON" && a.ownerId) {
        drafts.push({
          ...common,
          userId: a.ownerId,
          kind: r.kind,
          dedupeKey: `UPDATE_DUE_SOON:${a.id}:${day}`,
          title: `Update due by ${formatDate(r.dueDay)}: action ${a.ref}`,
          body: writeBody([
            { type: "paragraph", text: `Your next update on ${name} is due by ${formatDate(r.dueDay)}.` },
            { type: "paragraph", text: "Posting an update takes about a minute: what happened, progress and status." },
          ]),
        });
      } else if (r.kind === "UPDATE_OVERDUE" && r.to === "OWNER" && a.ownerId) {
        drafts.push({
          ...common,
          userId: a.ownerId,
          kind: r.kind,
          dedupeKey: `UPDATE_OVERDUE:${a.id}:${day}`,
          title: `Update overdue: action ${a.ref}`,
          body: writeBody([
            { type: "paragraph", text: `Your update on ${name} was due by ${formatDate(r.dueDay)}.` },
            {
              type: "paragraph",
              text: `Post an update as soon as you can. If there is still no update ${pluralise(ESCALATE_AFTER_DAYS, "day")} after it was due, the plan leads are told.`,
            },
          ]),
        });
      } else if (r.kind === "UPDATE_OVERDUE" && r.to === "LEADS") {
        for (const lead of leads.get(a.localAreaId) ?? []) {
          if (lead === a.ownerId) continue; // the owner has had their own reminder
          drafts.push({
            ...common,
            userId: lead,
            kind: r.kind,
            dedupeKey: `UPDATE_OVERDUE_ESCALATED:${a.id}:${day}`,
            title: `Update ${pluralise(r.daysOverdue, "day")} overdue: action ${a.ref}`,
            body: writeBody([
              { type: "paragraph", text: `No update has been posted on ${name} since it was due by ${formatDate(r.dueDay)}.` },
              {
                type: "paragraph",
                text: a.owner?.name ? `The owner, ${a.owner.name}, was reminded when it fell due.` : "The action has no owner: give it one so someone is reminded.",
              },
            ]),
          });
        }
      }
    }
  }
  return drafts;
}

export async function evidenceReviewDrafts(db: Db, now: Date): Promise<NotificationDraft[]> {
  const pending = await db.evidence.findMany({
    where: { reviewStatus: "PENDING", createdAt: { gt: new Date(now.getTime() - EVIDENCE_LOOKBACK_MS), lte: now } },
    select: {
      id: true,
      title: true,
      localAreaId: true,
      uploadedById: true,
      uploadedBy: { select: { name: true } },
      action: { select: { ref: true } },
      finding: { select: { ref: true } },
      measure: { select: { name: true } },
      localArea: { select: { slug: true, name: true } },
    },
  });
  const leads = await leadsByArea(db, [...new Set(pending.map((e) => e.localAreaId))]);
  return pending.flatMap((e) => {
    const on = e.action ? `action ${e.action.ref}` : e.finding ? `finding ${e.finding.ref}` : `the measure ${e.measure?.name}`;
    return (leads.get(e.localAreaId) ?? [])
      .filter((lead) => lead !== e.uploadedById)
      .map((lead) => ({
        userId: lead,
        localAreaId: e.localAreaId,
        kind: "EVIDENCE_AWAITING_REVIEW" as const,
        dedupeKey: `EVIDENCE_AWAITING_REVIEW:${e.id}`,
        title: `Evidence to review: ${e.title}`,
        body: writeBody([
          { type: "paragraph", text: `${e.uploadedBy?.name ?? "Someone"} added “${e.title}” as evidence on ${on} in ${e.localArea.name}.` },
          { type: "paragraph", text: "It counts towards the revisit only once a plan lead accepts it." },
        ]),
        href: routes.evidence(e.localArea.slug),
      }));
  });
}

/** The daily job: returns how many notifications are new. Emails go out in the delivery pass after it. */
export async function runReminders(db: PrismaClient, now: Date): Promise<{ queued: number }> {
  const drafts = [...(await updateReminderDrafts(db, now)), ...(await evidenceReviewDrafts(db, now))];
  const queued = (await queueNotifications(db, drafts, now)) + (await requestMissingVerdicts(db, now));
  return { queued };
}
