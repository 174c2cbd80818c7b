/**
 * The weekly digest for plan leads and advisers, on each person's chosen day: for every area they
 * lead or advise, what changed in the last 7 days, which actions are red and which are stale
 * (update overdue). Keyed by ISO week, so a re-run, or a digest day changed mid-week, sends
 * nothing twice.
 */
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { ACTION_HEALTH_FIELDS, actionHealth, PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { addDays } from "@/lib/calendar";
import { ACTION_STATUS } from "@/lib/labels";
import { writeBody, type BodyBlock } from "@/server/email/notification-body";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { queueNotifications, type NotificationDraft } from "@/server/jobs/notify";
import { isoWeekday, isoWeekKey } from "@/server/jobs/reminder-rules";
import { CURRENT_PLAN } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";
import { preferencesOf } from "@/server/services/notifications/notifications";
import { routes } from "@/lib/routes";

/** Longer lists end with "and N more": an email is not the place for the whole plan. */
const LIST_MAX = 10;

type Item = { text: string; href?: string };

function listOrNone(items: Item[], none: string, more: (n: number) => string): BodyBlock[] {
  if (items.length === 0) return [{ type: "paragraph", text: none }];
  const blocks: BodyBlock[] = [{ type: "list", items: items.slice(0, LIST_MAX) }];
  if (items.length > LIST_MAX) blocks.push({ type: "paragraph", text: more(items.length - LIST_MAX) });
  return blocks;
}

/** One area's part of the digest. */
async function areaSection(db: Db, area: { id: string; slug: string; name: string }, now: Date): Promise<BodyBlock[]> {
  const plan = await db.plan.findFirst({
    ...CURRENT_PLAN,
    where: { ...CURRENT_PLAN.where, localAreaId: area.id },
    select: { id: true, ...PLAN_RULE_FIELDS },
  });
  if (!plan) return [{ type: "heading", text: area.name }, { type: "paragraph", text: "There is no current plan." }];
  const since = addDays(now, -7);
  const week = { gt: since, lte: now };
  const [actions, updates, evidence, values] = await Promise.all([
    db.action.findMany({
      where: { localAreaId: area.id, finding: { planId: plan.id } },
      orderBy: [{ finding: { sortOrder: "asc" } }, { sortOrder: "asc" }, { ref: "asc" }],
      select: { id: true, ref: true, title: true, ...ACTION_HEALTH_FIELDS },
    }),
    db.actionUpdate.findMany({
      where: { createdAt: week, action: { localAreaId: area.id, finding: { planId: plan.id } } },
      orderBy: { createdAt: "desc" },
      select: { progress: true, status: true, createdAt: true, action: { select: { id: true, ref: true, title: true } } },
    }),
    db.evidence.count({ where: { localAreaId: area.id, createdAt: week } }),
    db.measureValue.count({ where: { createdAt: week, measure: { localAreaId: area.id, planId: plan.id } } }),
  ]);
  const href = (id: string) => routes.action(area.slug, id);
  const health = actions.map((a) => ({ a, h: actionHealth(a, plan, now) }));
  const red = health.filter(({ h }) => h.rag.shown === "RED");
  const stale = health.filter(({ h }) => h.update.overdue).sort((x, y) => y.h.update.daysOverdue - x.h.update.daysOverdue);
  const actionsLink = routes.actions(area.slug);

  return [
    { type: "heading", text: `${area.name}: what changed in the last 7 days` },
    ...listOrNone(
      updates.map((u) => ({
        text: `${u.action.ref} ${u.action.title}: update on ${formatDate(u.createdAt)}, ${u.progress}% complete, ${ACTION_STATUS[u.status].toLowerCase()}`,
        href: href(u.action.id),
      })),
      "No updates were posted.",
      (n) => `And ${pluralise(n, "more update")}.`,
    ),
    { type: "paragraph", text: `${pluralise(evidence, "piece", "pieces")} of evidence added; ${pluralise(values, "measure value")} entered.` },
    { type: "heading", text: `${area.name}: red actions` },
    ...listOrNone(
      red.map(({ a }) => ({ text: `${a.ref} ${a.title}`, href: href(a.id) })),
      "No actions are red.",
      (n) => `And ${pluralise(n, "more red action")}: see the action list at ${actionsLink}.`,
    ),
    { type: "heading", text: `${area.name}: stale actions (update overdue)` },
    ...listOrNone(
      stale.map(({ a, h }) => ({ text: `${a.ref} ${a.title}: update ${pluralise(h.update.daysOverdue, "day")} overdue`, href: href(a.id) })),
      "Every update is up to date.",
      (n) => `And ${pluralise(n, "more stale action")}.`,
    ),
  ];
}

/** Builds and queues this week's digests for those whose digest day is `now`'s weekday. */
export async function runDigest(db: PrismaClient, now: Date): Promise<{ queued: number }> {
  const memberships = await db.membership.findMany({
    where: { role: { in: ["LEAD", "ADVISER"] }, user: { disabledAt: null } },
    orderBy: { localArea: { name: "asc" } },
    select: { userId: true, localArea: { select: { id: true, slug: true, name: true } } },
  });
  const byUser = new Map<string, (typeof memberships)[number]["localArea"][]>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m.localArea]);

  const weekday = isoWeekday(now);
  const preferences = await preferencesOf(db, [...byUser.keys()]);
  const week = isoWeekKey(now);
  const dueToday = [...byUser].filter(([userId]) => {
    const p = preferences.get(userId)!;
    return p.weeklyDigest && p.digestDay === weekday;
  });
  // A re-run the same week would queue nothing new (the dedupe key), so skip building those
  // digests at all: building is the expensive part.
  const alreadyQueued = new Set(
    (
      await db.notification.findMany({
        where: { kind: "WEEKLY_DIGEST", dedupeKey: `WEEKLY_DIGEST:${week}`, userId: { in: dueToday.map(([userId]) => userId) } },
        select: { userId: true },
      })
    ).map((n) => n.userId),
  );
  const todays = dueToday.filter(([userId]) => !alreadyQueued.has(userId));

  const sections = new Map<string, Promise<BodyBlock[]>>();
  const sectionOf = (area: { id: string; slug: string; name: string }) => {
    if (!sections.has(area.id)) sections.set(area.id, areaSection(db, area, now));
    return sections.get(area.id)!;
  };
  const drafts: NotificationDraft[] = [];
  for (const [userId, areas] of todays) {
    const blocks: BodyBlock[] = [
      { type: "paragraph", text: `The week to ${formatDate(now)} in ${areas.length === 1 ? areas[0]!.name : pluralise(areas.length, "local area")}.` },
    ];
    for (const area of areas) blocks.push(...(await sectionOf(area)));
    drafts.push({
      userId,
      localAreaId: areas.length === 1 ? areas[0]!.id : null,
      kind: "WEEKLY_DIGEST",
      dedupeKey: `WEEKLY_DIGEST:${week}`,
      title: `Your weekly digest: the week to ${formatDate(now)}`,
      body: writeBody(blocks),
      href: areas.length === 1 ? routes.area(areas[0]!.slug) : routes.localAreas(),
    });
  }
  return { queued: await queueNotifications(db, drafts, now) };
}
