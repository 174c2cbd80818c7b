"use client";
/** An adviser records the judgement a revisit or monitoring inspection made on one finding. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { RadioGroup } from "@/components/evidence/radio-group";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import type { Judgement } from "@/server/generated/prisma/enums";
import { JUDGEMENT } from "@/lib/labels";
import { judgementFields, type JudgementFields } from "@/server/schemas/adviser";

type Props = {
  finding: { id: string; ref: string; judgement: Judgement | null; judgementDate: string; judgementSource: string | null; judgementInspectionId: string | null };
  allowed: readonly Judgement[];
  /** The area's revisits and monitoring inspections, named. */
  inspections: ReadonlyArray<{ id: string; label: string }>;
  defaultInspectionId: string;
};

export function JudgementForm({ finding, allowed, inspections, defaultInspectionId }: Props) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `judgement-${finding.ref.replace(/[^A-Za-z0-9]/g, "-")}`;
  const form = useForm<JudgementFields>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(judgementFields),
    defaultValues: {
      judgement: finding.judgement ?? ("" as Judgement),
      date: finding.judgementDate,
      letterUrl: finding.judgementSource ?? "",
      inspectionId: finding.judgementInspectionId ?? defaultInspectionId,
    },
  });
  const feedback = useFormFeedback(prefix, form);
  const record = useMutation(trpc.adviser.recordJudgement.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await record.mutateAsync({ findingId: finding.id, ...values });
      refresh();
      return `The judgement on finding ${finding.ref} has been recorded.`;
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Judgement on finding ${finding.ref}`}>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <RadioGroup
        id={`${prefix}-judgement`}
        legend={`Judgement on finding ${finding.ref}`}
        error={errors.judgement?.message}
        options={allowed.map((j) => ({ value: j, label: JUDGEMENT[j] }))}
        registration={form.register("judgement")}
      />
      <FormField id={`${prefix}-date`} label="Date of the judgement" hint="The day the letter was published." error={errors.date?.message}>
        <input type="date" className={`${inputClass} w-52!`} {...form.register("date")} />
      </FormField>
      <FormField id={`${prefix}-letterUrl`} label="Link to the published letter" hint="Starting https://" error={errors.letterUrl?.message}>
        <input type="url" className={`${inputClass} max-w-2xl`} {...form.register("letterUrl")} />
      </FormField>
      <FormField id={`${prefix}-inspectionId`} label="Inspection that made it (optional)" error={errors.inspectionId?.message}>
        <Select placeholder="Not recorded in Headway" options={inspections.map((i) => ({ value: i.id, label: i.label }))} {...form.register("inspectionId")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={record.isPending}>
        Save judgement<span className="sr-only"> on finding {finding.ref}</span>
      </button>
    </form>
  );
}
