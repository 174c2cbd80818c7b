/**
 * Inputs of update requests: the lead's request (to whom, with what message) and the partner's
 * update through the link. Browser-safe: the forms validate with these same schemas.
 */
import { z } from "zod";
import { email, id, optionalId, textInput } from "@/server/schemas/common";
import { checkInSchema } from "@/server/schemas/plan";

export const sendUpdateRequestSchema = z.object({
  actionId: id,
  email,
  /** Their organisation, if the lead names it ("" for none): readers who may not see the address read it instead. */
  organisationId: optionalId.optional(),
  message: textInput().trim().max(1000, "The message must be 1000 characters or fewer"),
});
export type SendUpdateRequestInput = z.infer<typeof sendUpdateRequestSchema>;

/**
 * The token from the link: 32 random bytes as base64url are 43 characters. Anything that could
 * not be one is refused before a query runs.
 */
export const updateRequestToken = z
  .string()
  .min(20, "That link is not complete")
  .max(100, "That link is not valid")
  .regex(/^[A-Za-z0-9_-]+$/, "That link is not valid");

export const byTokenSchema = z.object({ token: updateRequestToken });

/** The partner's update: what an owner's check-in asks, without a RAG set by hand (that stays the lead's). */
const { narrative, progress, status } = checkInSchema.shape;
export const postViaUpdateRequestSchema = z
  .object({ token: updateRequestToken, narrative, progress, status })
  .refine((u) => u.status !== "COMPLETE" || u.progress === 100, {
    path: ["progress"],
    message: "A complete action must be at 100% progress",
  });
export type PostViaUpdateRequestInput = z.infer<typeof postViaUpdateRequestSchema>;
