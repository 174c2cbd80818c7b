/** The shapes the public page's components draw, as the service returns them. */
import type { PublicAreaPage } from "@/server/services/public/public-area";

export type PublicFinding = PublicAreaPage["findings"][number];
export type PublicYouSaidWeDid = PublicAreaPage["youSaidWeDid"][number];
