"use client";
/**
 * The feedback every form shows: an error summary built from field errors (browser side) and
 * the server's refusal, and a success notice announced to screen readers. Whichever appears
 * after a submission takes the focus (useFocusOnArrival).
 */
import { useState } from "react";
import type { FieldErrors } from "react-hook-form";
import { errorsFrom } from "@/components/forms/trpc-errors";
import type { FieldError } from "@/components/ui/error-summary";
import { useFocusOnArrival } from "@/components/ui/use-focus-on-arrival";

/**
 * How every react-hook-form form behaves (GOV.UK): errors change when the form is submitted, not
 * while someone is correcting a field, and the error summary takes focus, not the first field.
 */
export const FORM_BEHAVIOUR = { reValidateMode: "onSubmit", shouldFocusError: false } as const;

/** Where a form shows a field's error: react-hook-form's `setError`, or the form's own. */
type ShowsFieldErrors = { setError: (field: never, error: { type: string; message: string }) => void };

/**
 * `form`: given, the server's refusals that name a field are shown beside that field (and so in
 * the summary through the form's errors); the rest are listed in the summary alone.
 */
export function useFormFeedback(prefix: string, form?: ShowsFieldErrors) {
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
        const found = errorsFrom(error, prefix);
        if (!form) return setServerErrors(found);
        for (const e of found.filter((f) => f.field)) form.setError(e.field.slice(prefix.length + 1) as never, { type: "server", message: e.message });
        setServerErrors(found.filter((f) => !f.field));
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

/**
 * A success, said where the form is: it takes the focus once when it appears (as the error summary
 * does when a submission fails), so the keyboard carries on from the form rather than the top of
 * the page, and keeps it through the refresh that shows the change.
 */
export function Notice({ text }: { text: string | null }) {
  const ref = useFocusOnArrival<HTMLParagraphElement>(text);
  return (
    <div role="status" aria-live="polite">
      {text ? (
        <p ref={ref} tabIndex={-1} className={`mb-6 p-3 font-bold ${successPanelClass} focus:outline-[3px] focus:outline-focus`}>
          {text}
        </p>
      ) : null}
    </div>
  );
}
