import type { Specs } from "@/server/api/walk/spec";

export const ADVISER_SPECS: Specs = {};
