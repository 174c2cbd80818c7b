/**
 * Walk entries for published statistics: the administrator's overview of the catalogue, and the
 * national ranking on a catalogue measure (the national team and advisers, as the national view).
 */
import type { Specs } from "@/server/testing/walk/spec";

export const STATISTICS_SPECS: Specs = {
  "statistics.overview": { scope: "global", input: () => ({}) },
  "statistics.compare": {
    scope: "self",
    input: () => ({ measure: "ehcp-20-weeks-including-exceptions" }),
    // The national team and advisers (the walk's ADVISER advises area A); nobody else.
    outcome: (who) => (who === "ANONYMOUS" ? "UNAUTHORIZED" : who === "NATIONAL" || who === "ADVISER" ? "OK" : "FORBIDDEN"),
  },
};
