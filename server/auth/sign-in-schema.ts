/** Shared by the sign-in form and the server, so both give the same messages. */
import { z } from "zod";

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.gov.uk"));

export const passwordSignInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(200, "Password must be 200 characters or fewer"),
});

export const magicLinkSchema = z.object({ email });

export type PasswordSignIn = z.infer<typeof passwordSignInSchema>;
export type MagicLinkRequest = z.infer<typeof magicLinkSchema>;
