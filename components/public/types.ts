/** The shapes the public pages' components draw, as the procedures return them. */
import type { PublicAreaPage, PublicFindingPage } from "@/components/trpc/outputs";

/** One finding on its own public page: every item, dated. */
export type PublicFinding = PublicFindingPage["finding"];
/** One finding's card on the area's summary. */
export type PublicFindingCard = PublicAreaPage["findings"][number];
export type PublicYouSaidWeDid = PublicFinding["youSaidWeDid"][number];
/** The council's SEND contact for the area, when the lead has set one. */
export type PublicContact = NonNullable<PublicAreaPage["area"]["contact"]>;
