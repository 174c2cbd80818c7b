import type { Specs } from "@/server/api/walk/spec";

export const NATIONAL_SPECS: Specs = {};
