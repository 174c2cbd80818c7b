"use client";
/**
 * Administration: add people and give them roles in local areas. Each form checks its input
 * with the same zod schema as the server and shows errors in the GOV.UK pattern.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { errorsFrom } from "@/components/admin/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { cell, rowClass, Table } from "@/components/ui/table";
import { AREA_ROLE } from "@/server/domain/labels";
import { AreaRole } from "@/server/generated/prisma/enums";
import { createUserSchema, grantMembershipSchema, type CreateUserInput, type GrantMembershipInput } from "@/server/schemas/admin";

function useInvalidateOverview() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.admin.overview.queryKey() });
}

function Notice({ text }: { text: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {text ? <p className="mb-6 border-l-[5px] border-success bg-[#cce2d8] p-3 font-bold text-[#005a30]">{text}</p> : null}
    </div>
  );
}

function AddPersonForm() {
  const trpc = useTRPC();
  const invalidate = useInvalidateOverview();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<CreateUserInput>({ resolver: zodResolver(createUserSchema), defaultValues: { name: "", email: "", jobTitle: "" } });
  const create = useMutation(trpc.admin.createUser.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setServerErrors([]);
    setDone(null);
    try {
      const user = await create.mutateAsync(values);
      form.reset();
      setDone(`${user.name} can now sign in with ${user.email}.`);
      await invalidate();
    } catch (error) {
      setServerErrors(errorsFrom(error, "person"));
    }
  });

  const summary = [
    ...Object.entries(errors).map(([field, e]) => ({ field: `person-${field}`, message: String(e?.message) })),
    ...serverErrors,
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-person" className="mb-12">
      <h2 id="add-person" className="mb-4 text-2xl">
        Add a person
      </h2>
      <ErrorSummary errors={summary} />
      <Notice text={done} />
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

function GrantRoleForm({ users, areas }: { users: { id: string; label: string }[]; areas: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateOverview();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<GrantMembershipInput>({
    resolver: zodResolver(grantMembershipSchema),
    defaultValues: { userId: "", localAreaId: "", role: undefined },
  });
  const grant = useMutation(trpc.admin.grantMembership.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setServerErrors([]);
    setDone(null);
    try {
      const m = await grant.mutateAsync(values);
      const who = users.find((u) => u.id === values.userId)?.label ?? "They";
      setDone(`${who} is now ${AREA_ROLE[m.role].toLowerCase()} in ${m.localArea.name}.`);
      form.reset();
      await invalidate();
    } catch (error) {
      setServerErrors(errorsFrom(error, "role"));
    }
  });
  const summary = [
    ...Object.entries(errors).map(([field, e]) => ({ field: `role-${field}`, message: String(e?.message) })),
    ...serverErrors,
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="grant-role" className="mb-12">
      <h2 id="grant-role" className="mb-4 text-2xl">
        Give someone a role in a local area
      </h2>
      <ErrorSummary errors={summary} />
      <Notice text={done} />
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

function RevokeButton({ membershipId, label }: { membershipId: string; label: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateOverview();
  const revoke = useMutation(trpc.admin.revokeMembership.mutationOptions({ onSuccess: () => invalidate() }));
  return (
    <>
      <button
        type="button"
        className="cursor-pointer text-link underline disabled:opacity-50"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ membershipId })}
      >
        Remove<span className="sr-only"> {label}</span>
      </button>
      {revoke.isError ? <span className="ml-2 font-bold text-error">Not removed: try again</span> : null}
    </>
  );
}

export function AdminPanel() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.overview.queryOptions());
  const people = data.users.map((u) => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : (u.email ?? u.id) }));
  return (
    <>
      <div className="grid gap-x-12 lg:grid-cols-2">
        <AddPersonForm />
        <GrantRoleForm users={people} areas={data.areas} />
      </div>
      <h2 className="mb-4 text-2xl">People</h2>
      <Table caption="People with Headway accounts and their roles" columns={["Name", "Email", "Roles"]}>
        {data.users.map((u) => (
          <tr key={u.id} className={rowClass}>
            <td className={cell}>
              {u.name ?? "No name"}
              {u.isDemo ? <span className="text-secondary"> (demo)</span> : null}
              {u.jobTitle ? <div className="text-secondary">{u.jobTitle}</div> : null}
            </td>
            <td className={`${cell} break-all`}>{u.email}</td>
            <td className={cell}>
              <ul>
                {u.globalRole ? <li>{u.globalRole === "NATIONAL" ? "National team (every area)" : "Administrator"}</li> : null}
                {u.memberships.map((m) => (
                  <li key={m.id}>
                    {AREA_ROLE[m.role]} in {m.localArea.name}{" "}
                    <RevokeButton membershipId={m.id} label={`${u.name ?? u.email} as ${AREA_ROLE[m.role].toLowerCase()} in ${m.localArea.name}`} />
                  </li>
                ))}
                {!u.globalRole && u.memberships.length === 0 ? <li className="text-secondary">No roles yet</li> : null}
              </ul>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
