/**
 * When reminders go out (pure; table-tested in reminder-rules.test.ts).
 *
 * "On the right day" means: on the first daily run inside the window, once per due period. The
 * window for "due soon" opens 7 days before the update falls due and closes when it falls due; the
 * dedupe key names the day it falls due, so the reminder goes once per period, and a run missed
 * because the server was down is made up the next day instead of being skipped. Posting an update
 * starts a new period (a new day the next update falls due), so the next reminder is a new one.
 * Overdue goes to the owner from the first day after the update fell due; from 14 days overdue it
 * also goes to the area's plan leads.
 */
import { daysBetween, utcDay } from "@/lib/calendar";
import { updateOverdue, type UpdateOverdueInput } from "@/server/domain/update-overdue";

export const DUE_SOON_DAYS = 7;
export const ESCALATE_AFTER_DAYS = 14;

export type UpdateReminder =
  | { kind: "UPDATE_DUE_SOON"; to: "OWNER"; dueDay: Date; daysLeft: number }
  | { kind: "UPDATE_OVERDUE"; to: "OWNER" | "LEADS"; dueDay: Date; daysOverdue: number };

export function updateReminders(input: UpdateOverdueInput): UpdateReminder[] {
  const r = updateOverdue(input);
  if (!r.nextUpdateDue) return [];
  const dueDay = utcDay(r.nextUpdateDue);
  if (!r.overdue) {
    const daysLeft = daysBetween(input.today, dueDay);
    return daysLeft <= DUE_SOON_DAYS ? [{ kind: "UPDATE_DUE_SOON", to: "OWNER", dueDay, daysLeft }] : [];
  }
  const reminders: UpdateReminder[] = [{ kind: "UPDATE_OVERDUE", to: "OWNER", dueDay, daysOverdue: r.daysOverdue }];
  if (r.daysOverdue >= ESCALATE_AFTER_DAYS) reminders.push({ kind: "UPDATE_OVERDUE", to: "LEADS", dueDay, daysOverdue: r.daysOverdue });
  return reminders;
}

/** "2026-11-22": the day part of a dedupe key. */
export function dayKey(d: Date): string {
  return utcDay(d).toISOString().slice(0, 10);
}

/** ISO day of the week in UTC: 1 Monday ... 7 Sunday. */
export function isoWeekday(d: Date): number {
  return ((d.getUTCDay() + 6) % 7) + 1;
}

/** ISO week, "2026-W47": the digest's period. Its Thursday decides the year. */
export function isoWeekKey(d: Date): string {
  const day = utcDay(d);
  const thursday = new Date(day.getTime() + (4 - isoWeekday(day)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor(daysBetween(new Date(Date.UTC(year, 0, 1)), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
