"use client";
/**
 * Entering many values at once: a column pair pasted from a spreadsheet, or typed lines. The
 * browser reads the paste with the server's own parser and the measure's own range, so problems
 * show before anything is sent, and a preview says how many values are ready. Different figures
 * for periods already recorded are listed, old and new, and replaced only once confirmed with one
 * reason for them all. All or nothing.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { errorList } from "@/components/measures/form-errors";
import type { RecordedValue } from "@/components/measures/record-value-form";
import { ReplacementPanel, replacementsFrom, sameReplacements, type Replacement } from "@/components/measures/replacement-panel";
import { ValueStatusChoice } from "@/components/measures/value-status-choice";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { pluralise } from "@/lib/format/plurals";
import { parsePastedValues, type PastedRow } from "@/server/domain/measure-paste";
import type { ValueRule } from "@/server/domain/measure-value-range";
import { pasteValuesSchema, type PasteValuesInput } from "@/server/schemas/measure";

const HINT =
  "One period and its value on each line, separated by a tab, a comma or a space: for example " +
  "2026-03-31 41.5, or 31/03/2026, 41.5, or Mar 2026 41.5 (a month means its last day). " +
  "You can copy two columns from a spreadsheet. A heading line is ignored. For periods already entered, " +
  "you will be shown the values recorded and asked to confirm replacing them.";

/** Today as yyyy-mm-dd: a period that has not ended cannot have a value (the server checks again). */
const todayIso = () => new Date().toISOString().slice(0, 10);

function lineErrorsFrom(error: unknown): string[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { lineErrors?: unknown } | null } | undefined)?.details;
  return Array.isArray(details?.lineErrors) ? details.lineErrors.map(String) : null;
}

/** The pasted rows that would change a figure already recorded, in the paste's order. */
function replacementsIn(rows: readonly PastedRow[], recorded: readonly RecordedValue[]): Replacement[] {
  const byDay = new Map(recorded.map((r) => [r.periodEnd, r.value]));
  return rows.flatMap((row) => {
    const before = byDay.get(row.periodEnd);
    return before !== undefined && before !== row.value ? [{ periodEnd: row.periodEnd, before, after: row.value }] : [];
  });
}

export function PasteValuesForm({ measureId, rule, recorded }: { measureId: string; rule: ValueRule; recorded: readonly RecordedValue[] }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const [lineErrors, setLineErrors] = useState<string[]>([]);
  /** The replacements the person is asked to confirm; null when none are being asked about. */
  const [confirming, setConfirming] = useState<Replacement[] | null>(null);
  const empty = { measureId, status: "PROVISIONAL" as const, text: "", replaceReason: "" };
  const form = useForm<PasteValuesInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(pasteValuesSchema), defaultValues: empty });
  const feedback = useFormFeedback("paste", form);
  const paste = useMutation(trpc.measure.pasteValues.mutationOptions());
  const { errors } = form.formState;
  const text = useWatch({ control: form.control, name: "text" });
  const preview = text.trim() ? parsePastedValues(text, { latest: todayIso(), rule }) : null;
  const previewReplaces = preview ? replacementsIn(preview.rows, recorded).length : 0;
  const summary = [...lineErrors.map((message) => ({ field: "paste-text", message })), ...errorList(errors, "paste"), ...feedback.summary({})];

  const onSubmit = form.handleSubmit(
    async (values) => {
      const { rows, errors: problems } = parsePastedValues(values.text, { latest: todayIso(), rule });
      setLineErrors(problems);
      if (problems.length > 0) return setConfirming(null);
      const replacing = replacementsIn(rows, recorded);
      const confirmed = replacing.length > 0 && sameReplacements(confirming, replacing);
      // Ask first, listing each figure recorded and the one replacing it. A changed paste asks again.
      if (replacing.length > 0 && !confirmed) return setConfirming(replacing);
      if (confirmed && !values.replaceReason?.trim()) {
        return form.setError("replaceReason", { type: "manual", message: "Enter why you are replacing the values already recorded" });
      }
      await feedback.submit(async () => {
        try {
          const { created, updated } = await paste.mutateAsync({
            ...values,
            confirmReplace: confirmed || undefined,
            replaceReason: confirmed ? values.replaceReason : undefined,
          });
          form.reset(empty);
          setConfirming(null);
          refresh();
          return `${pluralise(created, "value")} added${updated > 0 ? ` and ${pluralise(updated, "value")} replaced` : ""}.`;
        } catch (error) {
          setLineErrors(lineErrorsFrom(error) ?? []);
          // Someone recorded some of these periods since the page loaded: ask about their figures.
          const asked = replacementsFrom(error);
          if (asked?.length) setConfirming(asked);
          throw error;
        }
      });
    },
    () => setLineErrors([]),
  );

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
          {previewReplaces > 0 ? ` (${pluralise(previewReplaces, "replaces a value", "replace values")} already recorded)` : ""}
          {preview.errors.length > 0 ? `; ${pluralise(preview.errors.length, "line needs", "lines need")} correcting` : ""}.
        </p>
      ) : null}
      <ValueStatusChoice prefix="paste" registration={form.register("status")} error={errors.status?.message} />
      {confirming ? (
        <ReplacementPanel
          prefix="paste"
          replacements={confirming}
          unit={rule.unit}
          reason={form.register("replaceReason")}
          reasonError={errors.replaceReason?.message}
          pending={paste.isPending}
          onCancel={() => {
            setConfirming(null);
            form.clearErrors("replaceReason");
            form.setFocus("text");
          }}
        />
      ) : (
        <button type="submit" className={buttonClass.primary} disabled={paste.isPending}>
          {paste.isPending ? "Saving…" : "Save pasted values"}
        </button>
      )}
    </form>
  );
}
