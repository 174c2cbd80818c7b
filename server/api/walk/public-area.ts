import type { Specs } from "@/server/api/walk/spec";

export const PUBLIC_AREA_SPECS: Specs = {};
