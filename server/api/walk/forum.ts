import type { Specs } from "@/server/api/walk/spec";

export const FORUM_SPECS: Specs = {};
