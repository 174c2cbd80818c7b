"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useInvalidateOverview } from "@/components/admin/use-invalidate-overview";
import { Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { AREA_ROLE } from "@/server/domain/labels";
import { AreaRole } from "@/server/generated/prisma/enums";
import { grantMembershipSchema, type GrantMembershipInput } from "@/server/schemas/admin";

export function GrantRoleForm({ users, areas }: { users: { id: string; label: string }[]; areas: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateOverview();
  const feedback = useFormFeedback("role");
  const form = useForm<GrantMembershipInput>({
    resolver: zodResolver(grantMembershipSchema),
    defaultValues: { userId: "", localAreaId: "", role: undefined },
  });
  const grant = useMutation(trpc.admin.grantMembership.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    feedback.reset();
    try {
      const m = await grant.mutateAsync(values);
      const who = users.find((u) => u.id === values.userId)?.label ?? "They";
      feedback.succeeded(`${who} is now ${AREA_ROLE[m.role].toLowerCase()} in ${m.localArea.name}.`);
      form.reset();
      await invalidate();
    } catch (error) {
      feedback.failed(error);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="grant-role" className="mb-12">
      <h2 id="grant-role" className="mb-4 text-2xl">
        Give someone a role in a local area
      </h2>
      <ErrorSummary errors={feedback.summary(errors)} />
      <Notice text={feedback.notice} />
      <FormField id="role-userId" label="Person" error={errors.userId?.message}>
        <select className={inputClass} {...form.register("userId")}>
          <option value="">Choose a person</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="role-localAreaId" label="Local area" error={errors.localAreaId?.message}>
        <select className={inputClass} {...form.register("localAreaId")}>
          <option value="">Choose a local area</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="role-role" label="Role" hint="A person has one role in each local area; choosing another replaces it." error={errors.role?.message}>
        <select className={inputClass} {...form.register("role")}>
          <option value="">Choose a role</option>
          {Object.values(AreaRole).map((r) => (
            <option key={r} value={r}>
              {AREA_ROLE[r]}
            </option>
          ))}
        </select>
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={grant.isPending}>
        {grant.isPending ? "Saving…" : "Give role"}
      </button>
    </form>
  );
}
