/** Walk entries for plan workbook import and export. */
import type { Specs } from "@/server/api/walk/spec";

export const PLAN_TRANSFER_SPECS: Specs = {};
