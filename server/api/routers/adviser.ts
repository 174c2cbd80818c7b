import { guardedProcedure, router } from "@/server/api/trpc";
import { recordJudgementSchema, recordNoteSchema, startAppSchema } from "@/server/schemas/adviser";
import { bySlug } from "@/server/schemas/common";
import { monitoringNotes, recordAdviserNote } from "@/server/services/adviser/adviser-notes";
import { judgementsPage, recordJudgement, startAppFromWsoa } from "@/server/services/adviser/judgements";

/** Advisers' monitoring notes, revisit and monitoring-inspection judgements, and the APP that follows them. */
export const adviserRouter = router({
  /** Every monitoring note on the area, newest first: the area's LEAD and VIEWERs, advisers, NATIONAL. */
  notes: guardedProcedure("adviserNote.read").input(bySlug).query(({ ctx, input }) => monitoringNotes(ctx, input.slug)),
  recordNote: guardedProcedure("adviser.write").input(recordNoteSchema).mutation(({ ctx, input }) => recordAdviserNote(ctx, input)),
  /** The current plan's findings with their judgements, and whether an APP may start from it. */
  judgements: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => judgementsPage(ctx, input.slug)),
  recordJudgement: guardedProcedure("adviser.write").input(recordJudgementSchema).mutation(({ ctx, input }) => recordJudgement(ctx, input)),
  /** The LEAD starts an Accelerated Progress Plan from the WSOA; a second one is a CONFLICT. */
  startApp: guardedProcedure("plan.edit").input(startAppSchema).mutation(({ ctx, input }) => startAppFromWsoa(ctx, input)),
});
