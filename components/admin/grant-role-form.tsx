"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, Select } from "@/components/ui/form-field";
import { AREA_ROLE } from "@/lib/labels";
import { AreaRole } from "@/server/generated/prisma/enums";
import { grantMembershipSchema, type GrantMembershipInput } from "@/server/schemas/admin";

const ROLES = Object.values(AreaRole).map((r) => ({ value: r, label: AREA_ROLE[r] }));

/** Gives one person (the page's) a role in a local area, or changes the role they hold there. */
export function GrantRoleForm({ person, areas }: { person: { id: string; label: string }; areas: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const form = useForm<GrantMembershipInput>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(grantMembershipSchema),
    defaultValues: { userId: person.id, localAreaId: "", role: undefined },
  });
  const feedback = useFormFeedback("role", form);
  const grant = useMutation(trpc.admin.grantMembership.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const m = await grant.mutateAsync(values);
      const who = person.label;
      form.reset({ userId: person.id, localAreaId: "", role: undefined });
      refresh();
      return `${who} is now ${AREA_ROLE[m.role].toLowerCase()} in ${m.localArea.name}.`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="grant-role" className="mb-12">
      <h2 id="grant-role" className="mb-4 text-2xl">
        Give a role in a local area
      </h2>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <input type="hidden" {...form.register("userId")} />
      <FormField id="role-localAreaId" label="Local area" error={errors.localAreaId?.message}>
        <Select placeholder="Choose a local area" options={areas.map((a) => ({ value: a.id, label: a.name }))} {...form.register("localAreaId")} />
      </FormField>
      <FormField id="role-role" label="Role" hint="A person has one role in each local area; choosing another replaces it." error={errors.role?.message}>
        <Select placeholder="Choose a role" options={ROLES} {...form.register("role")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={grant.isPending}>
        {grant.isPending ? "Saving…" : "Give role"}
      </button>
    </form>
  );
}
