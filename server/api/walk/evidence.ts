/** Walk entries for evidence: links, uploads, review. */
import type { Specs } from "@/server/api/walk/spec";

export const EVIDENCE_SPECS: Specs = {};
