import type { Specs } from "@/server/api/walk/spec";

export const UPDATE_REQUEST_SPECS: Specs = {};
