import { guardedProcedure, router } from "@/server/api/trpc";
import { byId, bySlug } from "@/server/schemas/common";
import { takeSnapshotSchema } from "@/server/schemas/snapshot";
import { changesSinceSnapshot, listSnapshots, takeSnapshot } from "@/server/services/snapshots/snapshots";

/** Snapshots of a plan and "changes since". Board packs download from app/api/local-areas/[slug]/board-pack. */
export const snapshotRouter = router({
  list: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => listSnapshots(ctx, input.slug)),
  /** Freeze the current plan's state under a label. A LEAD or an ADVISER. */
  take: guardedProcedure("snapshot.take").input(takeSnapshotSchema).mutation(({ ctx, input }) => takeSnapshot(ctx, input)),
  changesSince: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => changesSinceSnapshot(ctx, input.id)),
});
