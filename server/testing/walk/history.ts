/** Walk entries for history: a record's history (anyone who reads the area) and the area's activity (LEAD, ADVISER). */
import type { Specs } from "@/server/testing/walk/spec";

export const HISTORY_SPECS: Specs = {
  "history.ofRecord": { scope: "area", input: (fx) => ({ kind: "Action", id: fx.area.actionId }) },
  "history.activity": { scope: "area", input: (fx) => ({ slug: fx.area.slug, person: fx.users.LEAD, kind: "", from: "", to: "" }) },
};
