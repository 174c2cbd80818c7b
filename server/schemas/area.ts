/** Area-level settings. Browser-safe. */
import { z } from "zod";
import { slug } from "@/server/schemas/common";

/** Publish or take down the area's public page for families. */
export const setPublicPageSchema = z.object({ slug, published: z.boolean("Choose whether the page is published") });
export type SetPublicPageInput = z.infer<typeof setPublicPageSchema>;
