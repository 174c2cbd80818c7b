"use client";
/**
 * Entering many values at once: a column pair pasted from a spreadsheet, or typed lines. The
 * browser reads the paste with the server's own parser, so problems show before anything is
 * sent, and a preview says how many values are ready. All or nothing.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { errorList } from "@/components/measures/form-errors";
import { ValueStatusChoice } from "@/components/measures/value-status-choice";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { pluralise } from "@/lib/format/plurals";
import { parsePastedValues } from "@/server/domain/measure-paste";
import { pasteValuesSchema, type PasteValuesInput } from "@/server/schemas/measure";

const HINT =
  "One period and its value on each line, separated by a tab, a comma or a space: for example " +
  "2026-03-31 41.5, or 31/03/2026, 41.5, or Mar 2026 41.5 (a month means its last day). " +
  "You can copy two columns from a spreadsheet. A heading line is ignored. Values for periods already entered are replaced.";

/** Today as yyyy-mm-dd: a period that has not ended cannot have a value (the server checks again). */
const todayIso = () => new Date().toISOString().slice(0, 10);

function lineErrorsFrom(error: unknown): string[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { lineErrors?: unknown } | null } | undefined)?.details;
  return Array.isArray(details?.lineErrors) ? details.lineErrors.map(String) : null;
}

export function PasteValuesForm({ measureId }: { measureId: string }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const [lineErrors, setLineErrors] = useState<string[]>([]);
  const empty = { measureId, status: "PROVISIONAL" as const, text: "" };
  const form = useForm<PasteValuesInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(pasteValuesSchema), defaultValues: empty });
  const feedback = useFormFeedback("paste", form);
  const paste = useMutation(trpc.measure.pasteValues.mutationOptions());
  const { errors } = form.formState;
  const text = useWatch({ control: form.control, name: "text" });
  const preview = text.trim() ? parsePastedValues(text, { latest: todayIso() }) : null;
  const summary = [...lineErrors.map((message) => ({ field: "paste-text", message })), ...errorList(errors, "paste"), ...feedback.summary({})];

  const onSubmit = form.handleSubmit(async (values) => {
    const { errors: problems } = parsePastedValues(values.text, { latest: todayIso() });
    setLineErrors(problems);
    if (problems.length > 0) return;
    await feedback.submit(async () => {
      try {
        const { created, updated } = await paste.mutateAsync(values);
        form.reset(empty);
        refresh();
        return `${pluralise(created, "value")} added${updated > 0 ? ` and ${pluralise(updated, "value")} replaced` : ""}.`;
      } catch (error) {
        setLineErrors(lineErrorsFrom(error) ?? []);
        throw error;
      }
    });
  }, () => setLineErrors([]));

  const textError = lineErrors.length > 0 ? `${pluralise(lineErrors.length, "line needs", "lines need")} correcting: see the list above` : errors.text?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="paste-values" className="mb-10">
      <h2 id="paste-values" className="mb-4 text-2xl">
        Paste values
      </h2>
      <ErrorSummary errors={summary} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id="paste-text" label="Periods and values" hint={HINT} error={textError}>
        <textarea rows={8} spellCheck={false} className={`${inputClass} font-mono`} {...form.register("text")} />
      </FormField>
      {preview ? (
        <p className="-mt-4 mb-6 text-secondary">
          {pluralise(preview.rows.length, "value")} ready to save
          {preview.errors.length > 0 ? `; ${pluralise(preview.errors.length, "line needs", "lines need")} correcting` : ""}.
        </p>
      ) : null}
      <ValueStatusChoice prefix="paste" registration={form.register("status")} error={errors.status?.message} />
      <button type="submit" className={buttonClass.primary} disabled={paste.isPending}>
        {paste.isPending ? "Saving…" : "Save pasted values"}
      </button>
    </form>
  );
}
