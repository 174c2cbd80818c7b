/**
 * Advisers' monitoring notes: a DfE or NHS England adviser records what they saw on the area or on
 * one finding, with a view on the likely judgement and a date. Notes are never edited: a later
 * note is the new view, the earlier ones stay as the history. Read by the area's LEAD and VIEWERs,
 * advisers and NATIONAL ("adviserNote.read"); not by action owners or the forum.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { can } from "@/server/auth/permissions";
import { toDay, utcDay } from "@/lib/calendar";
import type { AdviserNoteFields } from "@/server/schemas/adviser";
import { areaBySlug, CURRENT_PLAN, fieldError } from "@/server/services/core/access";
import { inTransaction, recordAudit } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";
import { PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";

const NOTE_SELECT = {
  id: true,
  note: true,
  view: true,
  date: true,
  createdAt: true,
  author: { select: { name: true } },
  finding: { select: { id: true, ref: true, summary: true, inspectorsWording: true, plan: { select: { type: true } } } },
} as const;

/** Every note on the area, newest first (by the date it is about, then when it was written), with the form's choices. */
export async function monitoringNotes(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "adviserNote.read");
  const [notes, plan] = await Promise.all([
    ctx.db.adviserNote.findMany({
      where: { localAreaId: area.id },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      select: NOTE_SELECT,
    }),
    ctx.db.plan.findFirst({
      ...CURRENT_PLAN,
      where: { ...CURRENT_PLAN.where, localAreaId: area.id },
      select: { id: true, type: true, findings: { orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: { id: true, ref: true, summary: true, inspectorsWording: true } } },
    }),
  ]);
  return {
    area,
    notes: notes.map(({ author, ...n }) => ({ ...n, authorName: author?.name ?? null })),
    findings: plan?.findings ?? [],
    viewerCan: { write: can(ctx.viewer, "adviser.write", { localAreaId: area.id }) },
  };
}

/** An ADVISER of the area records a note on it, or on one of its findings. */
export async function recordAdviserNote(ctx: ServiceContext, input: AdviserNoteFields & { slug: string }) {
  const area = await areaBySlug(ctx, input.slug, "adviser.write");
  if (input.findingId) {
    const finding = await ctx.db.finding.findFirst({ where: { id: input.findingId, localAreaId: area.id }, select: { plan: PLAN_ENDING } });
    if (!finding) throw fieldError("findingId", `Choose one of ${area.name}'s findings, or the area as a whole`);
    // A note on the area as a whole is always open; one on a finding of an ended plan is not.
    requireOpenPlan(finding.plan);
  }
  const date = toDay(input.date);
  // A monitoring note records what has been seen: it cannot be dated in the future.
  if (date > utcDay(today())) throw fieldError("date", "The date of the note must be today or earlier");
  return inTransaction(ctx, async (tx) => {
    const created = await tx.adviserNote.create({
      data: {
        localAreaId: area.id,
        findingId: input.findingId || null,
        authorId: ctx.viewer.userId,
        note: input.note,
        view: input.view || null,
        date,
      },
      select: { id: true, findingId: true, note: true, view: true, date: true },
    });
    await recordAudit(tx, ctx, { action: "adviserNote.create", entityType: "AdviserNote", entityId: created.id, localAreaId: area.id, after: created });
    return created;
  });
}
