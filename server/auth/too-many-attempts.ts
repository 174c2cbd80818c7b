/**
 * The refusal a rate-limited sign-in ends in, shared by the server (which raises it) and the
 * sign-in forms (which show it). next-auth passes only an error string back to the browser, so
 * the wait travels inside it: "TooManyAttempts:12" means try again in 12 minutes. It says the
 * same whether or not the address has an account.
 */
import { pluralise } from "@/lib/format/plurals";

const CODE = "TooManyAttempts";

export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `${CODE}:${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
}

/**
 * The message for an error string from next-auth, or null when it is not this refusal. The code
 * may come wrapped ("Error: TooManyAttempts:12" when a callback threw it).
 */
export function tooManyAttemptsMessage(error: string | null | undefined): string | null {
  const minutes = error ? new RegExp(`\\b${CODE}:(\\d{1,4})\\b`).exec(error)?.[1] : undefined;
  return minutes ? `Too many attempts. Try again in ${pluralise(Number(minutes), "minute")}.` : null;
}
