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
