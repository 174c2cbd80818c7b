/** The shapes the public page's components draw, as the service returns them. */
import type { PublicAreaPage } from "@/components/trpc/outputs";

export type PublicFinding = PublicAreaPage["findings"][number];
export type PublicYouSaidWeDid = PublicAreaPage["youSaidWeDid"][number];
