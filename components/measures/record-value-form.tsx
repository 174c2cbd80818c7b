"use client";
/** Entering one value of a measure: the period it covers, the figure, and whether it is validated. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { errorList, summaryOf } from "@/components/measures/form-errors";
import { numberOrNull } from "@/components/measures/number-field";
import { ValueStatusChoice } from "@/components/measures/value-status-choice";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format/dates";
import { MEASURE_UNIT } from "@/lib/labels";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import { recordValueSchema, type RecordValueInput } from "@/server/schemas/measure";

export function RecordValueForm({ measureId, unit }: { measureId: string; unit: MeasureUnit }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  // The value box starts empty; the schema asks for a number if it is left so.
  const empty = { measureId, periodEnd: "", value: null as unknown as number, status: "PROVISIONAL" as const, note: "" };
  const form = useForm<RecordValueInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(recordValueSchema), defaultValues: empty });
  const feedback = useFormFeedback("value", form);
  const record = useMutation(trpc.measure.recordValue.mutationOptions());
  const { errors } = form.formState;
  const summary = summaryOf(errorList(errors, "value"), feedback.summary({}));

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const saved = await record.mutateAsync(values);
      form.reset(empty);
      refresh();
      const period = formatDate(values.periodEnd);
      return saved.replaced ? `The value for the period ending ${period} has been replaced.` : `The value for the period ending ${period} has been saved.`;
    }),
  );

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
        hint="The last day of the period the figure covers. A value for a period already entered replaces it."
        error={errors.periodEnd?.message}
      >
        <input type="date" className={`${inputClass} max-w-[12rem]!`} {...form.register("periodEnd")} />
      </FormField>
      <FormField id="value-value" label={`Value (${MEASURE_UNIT[unit].toLowerCase()})`} error={errors.value?.message}>
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
      <button type="submit" className={buttonClass.primary} disabled={record.isPending}>
        {record.isPending ? "Saving…" : "Save value"}
      </button>
    </form>
  );
}
