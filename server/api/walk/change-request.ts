import type { Specs } from "@/server/api/walk/spec";

export const CHANGE_REQUEST_SPECS: Specs = {};
