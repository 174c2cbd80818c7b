/** Walk entries for the national view. */
import type { Specs } from "@/server/testing/walk/spec";

export const NATIONAL_SPECS: Specs = {
  "national.overview": {
    scope: "self",
    input: () => ({ sort: "red", dir: "desc" }),
    // The national team and advisers (the walk's ADVISER advises area A); nobody else.
    outcome: (who) => (who === "ANONYMOUS" ? "UNAUTHORIZED" : who === "NATIONAL" || who === "ADVISER" ? "OK" : "FORBIDDEN"),
  },
};
