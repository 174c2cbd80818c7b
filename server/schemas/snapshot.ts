/** Snapshots and board packs. Browser-safe: the take-a-snapshot form checks the same rules. */
import { z } from "zod";
import { id, slug, textInput } from "@/server/schemas/common";

export const SNAPSHOT_FIELD_LABELS = { label: "Label" } as const;

export const snapshotFields = z.object({
  label: textInput()
    .trim()
    .min(3, "Enter a label of at least 3 characters, like “Improvement board 12 March”")
    .max(120, "Label must be 120 characters or fewer"),
});
export type SnapshotFields = z.infer<typeof snapshotFields>;

export const takeSnapshotSchema = snapshotFields.extend({ slug });

export const BOARD_PACK_FORMATS = ["pdf", "docx"] as const;
export type BoardPackFormat = (typeof BOARD_PACK_FORMATS)[number];

/** A board pack of the current state (no snapshot) or of one snapshot. */
export const boardPackSchema = z.object({ slug, snapshotId: id.optional() });
