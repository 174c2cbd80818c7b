"use client";
/**
 * The feedback every form shows: an error summary built from field errors (browser side) and
 * the server's refusal, and a success notice announced to screen readers.
 */
import { useState } from "react";
import type { FieldErrors } from "react-hook-form";
import { errorsFrom } from "@/components/forms/trpc-errors";
import type { FieldError } from "@/components/ui/error-summary";

export function useFormFeedback(prefix: string) {
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    notice,
    /** Runs a submission: clears the last feedback, then shows the notice `work` returns or why it failed. */
    async submit(work: () => Promise<string>) {
      setServerErrors([]);
      setNotice(null);
      try {
        setNotice(await work());
      } catch (error) {
        setServerErrors(errorsFrom(error, prefix));
      }
    },
    summary(errors: FieldErrors): FieldError[] {
      return [
        ...Object.entries(errors).map(([field, e]) => ({ field: `${prefix}-${field}`, message: String(e?.message ?? "") })),
        ...serverErrors,
      ];
    },
  };
}

/** The green panel of a success: a notice, or a result with more in it. */
export const successPanelClass = "border-l-[5px] border-success bg-[#cce2d8] text-[#005a30]";

export function Notice({ text }: { text: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {text ? <p className={`mb-6 p-3 font-bold ${successPanelClass}`}>{text}</p> : null}
    </div>
  );
}
