import { TRPCClientError } from "@trpc/client";
import type { FieldError } from "@/components/ui/error-summary";

/**
 * Turns a failed mutation into messages for the error summary: zod field errors against
 * their fields (prefixed with the form's id prefix), anything else as one sentence.
 */
export function errorsFrom(error: unknown, prefix: string): FieldError[] {
  if (error instanceof TRPCClientError) {
    const fieldErrors = (error.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
    if (fieldErrors && Object.keys(fieldErrors).length > 0) {
      return Object.entries(fieldErrors).map(([field, message]) => ({ field: `${prefix}-${field}`, message }));
    }
    if (error.data?.httpStatus && error.data.httpStatus < 500) return [{ field: "", message: error.message }];
  }
  return [{ field: "", message: "Something went wrong and nothing was saved. Try again." }];
}

/** A stale save's refusal (server/services/core/versioned.ts): the record as it is now, and who saved it. */
export type StaleSave = { current: Record<string, unknown> & { version: number }; changedBy: string | null; changedAt: string | null };

export function staleSaveFrom(error: unknown): StaleSave | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; details?: Partial<StaleSave> | null } | undefined;
  if (data?.code !== "CONFLICT" || !data.details?.current) return null;
  return data.details as StaleSave;
}
