"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { INSPECTION_FRAMEWORK, INSPECTION_KIND, optionsOf } from "@/lib/labels";
import { recordInspectionSchema } from "@/server/schemas/plan";

type Values = z.infer<typeof recordInspectionSchema>;

export function RecordInspectionForm({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const empty: Values = { slug, framework: "FRAMEWORK_2023", kind: "FULL", startDate: "", endDate: "", publishedDate: "", reportUrl: "" };
  const form = useForm<Values>({ ...FORM_BEHAVIOUR, resolver: zodResolver(recordInspectionSchema), defaultValues: empty });
  const feedback = useFormFeedback("inspection", form);
  const record = useMutation(trpc.plan.recordInspection.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await record.mutateAsync(values);
      form.reset(empty);
      refresh();
      return "The inspection has been recorded.";
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="record-inspection">
      <h3 id="record-inspection" className="mb-4 text-xl">
        Record an inspection
      </h3>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id="inspection-framework" label="Framework" error={errors.framework?.message}>
        <Select placeholder="Choose the framework" options={optionsOf(INSPECTION_FRAMEWORK)} {...form.register("framework")} />
      </FormField>
      <FormField id="inspection-kind" label="Kind of inspection" error={errors.kind?.message}>
        <Select placeholder="Choose the kind" options={optionsOf(INSPECTION_KIND)} {...form.register("kind")} />
      </FormField>
      <div className="flex flex-wrap gap-x-8">
        <FormField id="inspection-startDate" label="First day" error={errors.startDate?.message}>
          <input type="date" className={`${inputClass} w-52!`} {...form.register("startDate")} />
        </FormField>
        <FormField id="inspection-endDate" label="Last day (optional)" error={errors.endDate?.message}>
          <input type="date" className={`${inputClass} w-52!`} {...form.register("endDate")} />
        </FormField>
        <FormField id="inspection-publishedDate" label="Report published (optional)" error={errors.publishedDate?.message}>
          <input type="date" className={`${inputClass} w-52!`} {...form.register("publishedDate")} />
        </FormField>
      </div>
      <FormField id="inspection-reportUrl" label="Link to the published report (optional)" error={errors.reportUrl?.message}>
        <input type="url" className={`${inputClass} max-w-2xl`} {...form.register("reportUrl")} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={record.isPending}>
        Record inspection
      </button>
    </form>
  );
}
