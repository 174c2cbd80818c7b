"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { REGION } from "@/lib/labels";
import { Region } from "@/server/generated/prisma/enums";
import { createAreaSchema, type CreateAreaInput } from "@/server/schemas/admin";

const REGIONS = Object.values(Region).map((r) => ({ value: r, label: REGION[r] }));

export function AddAreaForm() {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const form = useForm<CreateAreaInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(createAreaSchema), defaultValues: { name: "", laCode: "", region: undefined } });
  const feedback = useFormFeedback("area", form);
  const create = useMutation(trpc.admin.createArea.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const area = await create.mutateAsync(values);
      form.reset();
      refresh();
      return `${area.name} has been added. Give its plan lead a role to start its plan.`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-area" className="mb-12">
      <h2 id="add-area" className="mb-4 text-2xl">
        Add a local area
      </h2>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id="area-name" label="Local area name" hint="As the council is known, for example Northbridge." error={errors.name?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("name")} />
      </FormField>
      <FormField id="area-laCode" label="Local authority code" hint="The DfE's three-digit code, for example 941." error={errors.laCode?.message}>
        <input type="text" inputMode="numeric" autoComplete="off" className={`${inputClass} max-w-[8ch]`} {...form.register("laCode")} />
      </FormField>
      <FormField id="area-region" label="Region" error={errors.region?.message}>
        <Select placeholder="Choose a region" options={REGIONS} {...form.register("region")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add local area"}
      </button>
    </form>
  );
}
