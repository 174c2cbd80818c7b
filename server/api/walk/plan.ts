/** Walk entries for the plan editor, check-ins, measures and values. */
import type { Specs } from "@/server/api/walk/spec";

export const PLAN_SPECS: Specs = {};
