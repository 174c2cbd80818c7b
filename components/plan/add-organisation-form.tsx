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
import { optionsOf, ORGANISATION_KIND } from "@/lib/labels";
import { organisationFields, type OrganisationFields } from "@/server/schemas/plan";

export function AddOrganisationForm({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const form = useForm<OrganisationFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(organisationFields), defaultValues: { name: "", kind: "SCHOOL" } });
  const feedback = useFormFeedback("organisation", form);
  const add = useMutation(trpc.plan.addOrganisation.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const organisation = await add.mutateAsync({ slug, ...values });
      form.reset({ name: "", kind: values.kind });
      refresh();
      return `${organisation.name} has been added.`;
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-organisation">
      <h3 id="add-organisation" className="mb-4 text-xl">
        Add an organisation
      </h3>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id="organisation-name" label="Name" error={errors.name?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("name")} />
      </FormField>
      <FormField id="organisation-kind" label="Kind" error={errors.kind?.message}>
        <Select placeholder="Choose the kind" options={optionsOf(ORGANISATION_KIND)} {...form.register("kind")} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={add.isPending}>
        Add organisation
      </button>
    </form>
  );
}
