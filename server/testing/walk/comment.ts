/** Walk entries for comments on actions, findings and measures. */
import type { Specs } from "@/server/testing/walk/spec";

export const COMMENT_SPECS: Specs = {
  "comment.forTarget": { scope: "area", input: (fx) => ({ actionId: fx.area.actionId }) },
  // Shared with the forum, so every role that may comment may post this one.
  "comment.add": {
    scope: "area",
    input: (fx) => ({ findingId: fx.area.findingId, body: "The new panel dates were shared at the forum meeting.", visibility: "WITH_FORUM" }),
  },
};
