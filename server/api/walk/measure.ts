/** Walk entries for measures, milestones and values. */
import type { Specs } from "@/server/api/walk/spec";

export const MEASURE_SPECS: Specs = {};
