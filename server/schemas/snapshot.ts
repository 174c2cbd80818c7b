/** Snapshots and board packs. Browser-safe: the take-a-snapshot form checks the same rules. */
import { z } from "zod";
import { id, slug, textInput } from "@/server/schemas/common";

/**
 * The most each of the board's texts may hold: enough for a few short paragraphs, little enough
 * that both still fit on the pack's first page beside the findings' position.
 */
export const BOARD_TEXT_MAX = 1500;

export const SNAPSHOT_FIELD_LABELS = {
  label: "Label",
  keyMessages: "Key messages for the board (optional)",
  decisions: "Decisions the board is asked to make (optional)",
} as const;

const boardText = (what: string) =>
  textInput()
    .trim()
    .max(BOARD_TEXT_MAX, `${what} must be ${BOARD_TEXT_MAX.toLocaleString("en-GB")} characters or fewer`);

export const snapshotFields = z.object({
  label: textInput()
    .trim()
    .min(3, "Enter a label of at least 3 characters, like “Improvement board 12 March”")
    .max(120, "Label must be 120 characters or fewer"),
  keyMessages: boardText("Key messages").optional(),
  decisions: boardText("Decisions").optional(),
});
export type SnapshotFields = z.infer<typeof snapshotFields>;

export const takeSnapshotSchema = snapshotFields.extend({ slug });

export const BOARD_PACK_FORMATS = ["pdf", "docx"] as const;
export type BoardPackFormat = (typeof BOARD_PACK_FORMATS)[number];

/** A board pack of the current state (no snapshot) or of one snapshot. */
export const boardPackSchema = z.object({ slug, snapshotId: id.optional() });
