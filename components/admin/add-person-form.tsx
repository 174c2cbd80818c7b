"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { createUserSchema, type CreateUserInput } from "@/server/schemas/admin";

export function AddPersonForm() {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const form = useForm<CreateUserInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(createUserSchema), defaultValues: { name: "", email: "", jobTitle: "" } });
  const feedback = useFormFeedback("person", form);
  const create = useMutation(trpc.admin.createUser.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const user = await create.mutateAsync(values);
      form.reset();
      refresh();
      return `${user.name} can now sign in with ${user.email}.`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-person" className="mb-12">
      <h2 id="add-person" className="mb-4 text-2xl">
        Add a person
      </h2>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id="person-name" label="Full name" error={errors.name?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("name")} />
      </FormField>
      <FormField id="person-email" label="Email address" hint="They sign in with a link sent to this address." error={errors.email?.message}>
        <input type="email" autoComplete="off" spellCheck={false} className={inputClass} {...form.register("email")} />
      </FormField>
      <FormField id="person-jobTitle" label="Job title (optional)" error={errors.jobTitle?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("jobTitle")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}
