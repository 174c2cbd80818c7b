/** Walk entries for a person's own sessions. */
import type { Specs } from "@/server/testing/walk/spec";

export const SESSION_SPECS: Specs = {
  // Ends only the caller's own sessions: anyone signed in may.
  "session.signOutEverywhere": { scope: "self", input: () => undefined },
};
