import type { Specs } from "@/server/api/walk/spec";

export const NOTIFICATION_SPECS: Specs = {};
