import type { Specs } from "@/server/api/walk/spec";

export const SNAPSHOT_SPECS: Specs = {};
