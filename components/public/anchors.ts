/** Ids for the page's in-page links: "1.2" -> "1-2". */
export const anchor = (ref: string) => ref.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
