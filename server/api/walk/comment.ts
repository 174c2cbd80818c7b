import type { Specs } from "@/server/api/walk/spec";

export const COMMENT_SPECS: Specs = {};
