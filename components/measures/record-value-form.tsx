"use client";
/**
 * Entering one value of a measure: the period it covers, the figure, and whether it is validated.
 * The figure is checked against what the measure can take (its unit and plausible range) before
 * it is sent; a different figure for a period already recorded is replaced only once the person
 * has seen both and said why (the server refuses it otherwise, and the form then asks).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { errorList, summaryOf } from "@/components/measures/form-errors";
import { numberOrNull } from "@/components/measures/number-field";
import { ReplacementPanel, replacementsFrom, sameReplacements, type Replacement } from "@/components/measures/replacement-panel";
import { ValueStatusChoice } from "@/components/measures/value-status-choice";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { MEASURE_UNIT } from "@/lib/labels";
import { valueRangeHint, valueRangeProblem, type ValueRule } from "@/server/domain/measure-value-range";
import { recordValueSchema, type RecordValueInput } from "@/server/schemas/measure";

/** A value already recorded: its period end ("yyyy-mm-dd") and figure. */
export type RecordedValue = { periodEnd: string; value: number };

export function RecordValueForm({ measureId, rule, recorded }: { measureId: string; rule: ValueRule; recorded: readonly RecordedValue[] }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  // The value box starts empty; the schema asks for a number if it is left so.
  const empty = { measureId, periodEnd: "", value: null as unknown as number, status: "PROVISIONAL" as const, note: "", replaceReason: "" };
  // The server's schema, and the measure's range as the server will check it.
  const schema = useMemo(
    () =>
      recordValueSchema.superRefine((v, ctx) => {
        const problem = valueRangeProblem(v.value, rule);
        if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
      }),
    [rule],
  );
  const form = useForm<RecordValueInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(schema), defaultValues: empty });
  const feedback = useFormFeedback("value", form);
  const record = useMutation(trpc.measure.recordValue.mutationOptions());
  /** The replacement the person is asked to confirm; null when nothing is being replaced. */
  const [confirming, setConfirming] = useState<Replacement[] | null>(null);
  const { errors } = form.formState;
  const summary = summaryOf(errorList(errors, "value"), feedback.summary({}));
  const shown = (n: number) => formatMeasureValue(n, rule.unit);

  const onSubmit = form.handleSubmit(async (values) => {
    const existing = recorded.find((r) => r.periodEnd === values.periodEnd);
    const replacing: Replacement[] = existing && existing.value !== values.value ? [{ periodEnd: values.periodEnd, before: existing.value, after: values.value }] : [];
    const confirmed = replacing.length > 0 && sameReplacements(confirming, replacing);
    // Ask first: the figure recorded and the new one, and why. A changed period or figure asks again.
    if (replacing.length > 0 && !confirmed) return setConfirming(replacing);
    if (confirmed && !values.replaceReason?.trim()) {
      return form.setError("replaceReason", { type: "manual", message: "Enter why you are replacing the value" });
    }
    await feedback.submit(async () => {
      try {
        const saved = await record.mutateAsync({ ...values, confirmReplace: confirmed || undefined, replaceReason: confirmed ? values.replaceReason : undefined });
        form.reset(empty);
        setConfirming(null);
        refresh();
        const period = formatDate(values.periodEnd);
        if (confirmed) return `The value for the period ending ${period} has been replaced: ${shown(replacing[0]!.before)} is now ${shown(values.value)}.`;
        return saved.replaced ? `The value for the period ending ${period} has been saved again.` : `The value for the period ending ${period} has been saved.`;
      } catch (error) {
        // Someone recorded this period since the page loaded: ask about their figure.
        const asked = replacementsFrom(error);
        if (asked?.length) setConfirming(asked);
        throw error;
      }
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="record-value" className="mb-10">
      <h2 id="record-value" className="mb-4 text-2xl">
        Enter a value
      </h2>
      <ErrorSummary errors={summary} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField
        id="value-periodEnd"
        label="Period ending"
        hint="The last day of the period the figure covers. For a period already entered, you will be asked to confirm the replacement and say why."
        error={errors.periodEnd?.message}
      >
        <input type="date" className={`${inputClass} max-w-[12rem]!`} {...form.register("periodEnd")} />
      </FormField>
      <FormField id="value-value" label={`Value (${MEASURE_UNIT[rule.unit].toLowerCase()})`} hint={valueRangeHint(rule)} error={errors.value?.message}>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className={`${inputClass} max-w-[12rem]!`}
          {...form.register("value", { setValueAs: numberOrNull })}
        />
      </FormField>
      <ValueStatusChoice prefix="value" registration={form.register("status")} error={errors.status?.message} />
      <FormField id="value-note" label="Note (optional)" hint="For example, why the figure changed or what it excludes." error={errors.note?.message}>
        <textarea rows={2} className={inputClass} {...form.register("note")} />
      </FormField>
      {confirming ? (
        <ReplacementPanel
          prefix="value"
          replacements={confirming}
          unit={rule.unit}
          reason={form.register("replaceReason")}
          reasonError={errors.replaceReason?.message}
          pending={record.isPending}
          onCancel={() => {
            setConfirming(null);
            form.clearErrors("replaceReason");
            form.setFocus("value");
          }}
        />
      ) : (
        <button type="submit" className={buttonClass.primary} disabled={record.isPending}>
          {record.isPending ? "Saving…" : "Save value"}
        </button>
      )}
    </form>
  );
}
