"use client";
/** Starting a plan, or editing its details: type, status, inspections, cadence and RAG thresholds. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { StaleSaveConflict } from "@/components/forms/conflict-panel";
import { useRefresh } from "@/components/forms/use-refresh";
import { useVersionedSave } from "@/components/forms/use-versioned-save";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format/dates";
import { INSPECTION_KIND, optionsOf, PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import type { InspectionKind } from "@/server/generated/prisma/enums";
import { PLAN_FIELD_LABELS, planFields, type PlanFields } from "@/server/schemas/plan";

type Inspection = { id: string; kind: InspectionKind; startDate: Date | null; expectedDate: Date | null };

const NEW_PLAN: PlanFields = {
  type: "WSOA",
  title: "",
  status: "DRAFT",
  sourceInspectionId: "",
  acceptedDate: "",
  nextInspectionDate: "",
  nextInspectionIsEstimate: true,
  updateCadenceDays: 30,
  ragGreenPercent: 90,
  ragAmberPercent: 70,
};

export function PlanDetailsForm({
  slug,
  plan,
  inspections,
}: {
  slug: string;
  plan: (PlanFields & { id: string; version: number }) | null;
  inspections: Inspection[];
}) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const versioned = useVersionedSave<PlanFields>(plan?.version ?? 1);
  const form = useForm<PlanFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(planFields), defaultValues: plan ?? NEW_PLAN });
  const feedback = useFormFeedback("plan", form);
  const create = useMutation(trpc.plan.create.mutationOptions());
  const update = useMutation(trpc.plan.update.mutationOptions());
  const { errors } = form.formState;
  const inspectionOptions = inspections.map((i) => ({
    value: i.id,
    label: `${INSPECTION_KIND[i.kind]}, ${formatDate(i.startDate ?? i.expectedDate) || "date not set"}`,
  }));

  const names = new Map(inspectionOptions.map((o) => [o.value, o.label]));
  const display = (v: PlanFields) => ({
    ...v,
    type: PLAN_TYPE[v.type],
    status: PLAN_STATUS[v.status],
    sourceInspectionId: names.get(v.sourceInspectionId) ?? "Not recorded",
    nextInspectionIsEstimate: v.nextInspectionIsEstimate ? "Yes" : "No",
  });

  async function save(values: PlanFields, overVersion?: number) {
    if (!plan) {
      await create.mutateAsync({ slug, ...values });
      refresh();
      return "The plan has been started. Add its findings next.";
    }
    const saved = await versioned.save(values, (version) => update.mutateAsync({ id: plan.id, version, ...values }), overVersion);
    const { id: _id, version: _version, ...fields } = saved;
    form.reset(fields);
    refresh();
    return "The plan's details have been saved.";
  }

  const onSubmit = form.handleSubmit((values) => feedback.submit(() => save(values)));

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="plan-details">
      <h2 id="plan-details" className="mb-4 text-2xl">
        {plan ? "Plan details" : "Start a plan"}
      </h2>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <StaleSaveConflict
        versioned={versioned}
        fields={PLAN_FIELD_LABELS}
        display={display}
        onReapply={(mine, theirVersion) => feedback.submit(() => save(mine, theirVersion))}
        onDiscard={({ version: _version, ...theirs }) => form.reset(theirs)}
      />
      <FormField id="plan-type" label="Type of plan" error={errors.type?.message}>
        <Select placeholder="Choose the type of plan" options={optionsOf(PLAN_TYPE)} {...form.register("type")} />
      </FormField>
      <FormField id="plan-title" label="Title" hint="As the plan is known locally, for example Northbridge Written Statement of Action 2025." error={errors.title?.message}>
        <input type="text" className={`${inputClass} max-w-2xl`} {...form.register("title")} />
      </FormField>
      <FormField id="plan-status" label="Status" error={errors.status?.message}>
        <Select placeholder="Choose the status" options={optionsOf(PLAN_STATUS)} {...form.register("status")} />
      </FormField>
      <FormField
        id="plan-sourceInspectionId"
        label="Source inspection"
        hint={inspections.length ? "The inspection whose findings this plan answers." : "No inspections are recorded yet: record one below first."}
        error={errors.sourceInspectionId?.message}
      >
        <Select placeholder="Not recorded" options={inspectionOptions} {...form.register("sourceInspectionId")} />
      </FormField>
      <FormField id="plan-acceptedDate" label="Date the plan was accepted (optional)" error={errors.acceptedDate?.message}>
        <input type="date" className={`${inputClass} w-52!`} {...form.register("acceptedDate")} />
      </FormField>
      <FormField
        id="plan-nextInspectionDate"
        label="Date of the next inspection (optional)"
        hint="The revisit or monitoring inspection the plan works towards. The area home counts down to it."
        error={errors.nextInspectionDate?.message}
      >
        <input type="date" className={`${inputClass} w-52!`} {...form.register("nextInspectionDate")} />
      </FormField>
      <div className="mb-6 flex items-center gap-2">
        <input id="plan-nextInspectionIsEstimate" type="checkbox" className="h-6 w-6" {...form.register("nextInspectionIsEstimate")} />
        <label htmlFor="plan-nextInspectionIsEstimate">This date is an estimate</label>
      </div>
      <FormField id="plan-updateCadenceDays" label="Owners post an update at least every (days)" error={errors.updateCadenceDays?.message}>
        <input type="number" inputMode="numeric" className={`${inputClass} w-28!`} {...form.register("updateCadenceDays", { valueAsNumber: true })} />
      </FormField>
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">Delivery RAG thresholds</legend>
        <p className="mb-4 text-secondary">An action&apos;s progress as a share of the progress expected by today.</p>
        <div className="flex flex-wrap gap-x-8">
          <FormField id="plan-ragGreenPercent" label="Green from (%)" error={errors.ragGreenPercent?.message}>
            <input type="number" inputMode="numeric" className={`${inputClass} w-28!`} {...form.register("ragGreenPercent", { valueAsNumber: true })} />
          </FormField>
          <FormField id="plan-ragAmberPercent" label="Amber from (%)" error={errors.ragAmberPercent?.message}>
            <input type="number" inputMode="numeric" className={`${inputClass} w-28!`} {...form.register("ragAmberPercent", { valueAsNumber: true })} />
          </FormField>
        </div>
      </fieldset>
      <button type="submit" className={buttonClass.primary} disabled={create.isPending || update.isPending}>
        {plan ? "Save plan details" : "Start the plan"}
      </button>
    </form>
  );
}
