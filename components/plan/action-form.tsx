"use client";
/** Adding or editing an action: its finding, owner, organisations, dates, dependencies and co-production claim. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { StaleSaveConflict } from "@/components/forms/conflict-panel";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useVersionedSave } from "@/components/forms/use-versioned-save";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { COPRODUCTION_LEVEL, optionsOf } from "@/lib/labels";
import { ACTION_FIELD_LABELS, actionFields, type ActionFields } from "@/server/schemas/plan";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

export type ActionChoices = {
  findings: { id: string; ref: string; summary: string; inspectorsWording: string }[];
  owners: { id: string; label: string }[];
  organisations: { id: string; name: string }[];
  actions: { id: string; ref: string; title: string }[];
};

type Props = {
  slug: string;
  choices: ActionChoices;
  /** Editing: the action as loaded. Adding: the finding to start under, if chosen. */
  action?: ActionFields & { id: string; version: number };
  findingId?: string;
};

const EMPTY: ActionFields = {
  findingId: "",
  ref: "",
  title: "",
  description: "",
  ownerId: "",
  leadOrganisationId: "",
  partnerOrganisationIds: [],
  startDate: "",
  dueDate: "",
  dependsOnIds: [],
  coproductionLevel: "",
};

/** A group of checkboxes. The fieldset carries the id, so the error summary's link lands on it. */
function CheckboxGroup({ id, legend, error, children }: { id: string; legend: string; error?: { message?: string }; children: React.ReactNode }) {
  return (
    <fieldset id={id} className="mb-6" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-2 font-bold">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">Error: </span>
          {error.message}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

export function ActionForm({ slug, choices, action, findingId }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const { refresh } = useRefresh();
  const versioned = useVersionedSave<ActionFields>(action?.version ?? 1);
  const form = useForm<ActionFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(actionFields), defaultValues: action ?? { ...EMPTY, findingId: findingId ?? "" } });
  const feedback = useFormFeedback("action", form);
  const create = useMutation(trpc.action.create.mutationOptions());
  const update = useMutation(trpc.action.update.mutationOptions());
  const { errors } = form.formState;

  const names = new Map<string, string>([
    ...choices.findings.map((f) => [f.id, `${f.ref}. ${findingTitle(f)}`] as const),
    ...choices.owners.map((o) => [o.id, o.label] as const),
    ...choices.organisations.map((o) => [o.id, o.name] as const),
    ...choices.actions.map((a) => [a.id, `${a.ref} ${a.title}`] as const),
  ]);
  // The conflict panel shows names, not ids.
  const display = (v: ActionFields) => ({
    ...v,
    findingId: names.get(v.findingId) ?? v.findingId,
    ownerId: names.get(v.ownerId) ?? "Not assigned",
    leadOrganisationId: names.get(v.leadOrganisationId) ?? "None",
    partnerOrganisationIds: v.partnerOrganisationIds.map((id) => names.get(id) ?? id).join(", ") || "None",
    dependsOnIds: v.dependsOnIds.map((id) => names.get(id) ?? id).join("; ") || "None",
    coproductionLevel: v.coproductionLevel ? COPRODUCTION_LEVEL[v.coproductionLevel] : "Not claimed",
  });

  async function save(values: ActionFields, overVersion?: number) {
    if (!action) {
      const created = await create.mutateAsync(values);
      router.push(routes.action(slug, created.id));
      return `Action ${created.ref} has been added.`;
    }
    const saved = await versioned.save(values, (version) => update.mutateAsync({ id: action.id, version, ...values }), overVersion);
    const { id: _id, version: _version, ...fields } = saved;
    form.reset(fields);
    refresh();
    return `Action ${saved.ref} has been saved.`;
  }

  const onSubmit = form.handleSubmit((values) => feedback.submit(() => save(values)));
  const otherActions = choices.actions.filter((a) => a.id !== action?.id);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={action ? `Edit action ${action.ref}` : "Add an action"}>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <StaleSaveConflict
        versioned={versioned}
        fields={ACTION_FIELD_LABELS}
        display={display}
        onReapply={(mine, theirVersion) => feedback.submit(() => save(mine, theirVersion))}
        onDiscard={(theirs) => {
          const { version: _v, id: _id, ...fields } = theirs as ActionFields & { version: number; id?: string };
          form.reset(fields);
        }}
      />
      <FormField id="action-findingId" label="Finding" error={errors.findingId?.message}>
        <Select placeholder="Choose the finding" options={choices.findings.map((f) => ({ value: f.id, label: `${f.ref}. ${findingTitle(f)}` }))} {...form.register("findingId")} />
      </FormField>
      <FormField id="action-ref" label="Reference" hint="For example 2.3: the finding's number, then the action's." error={errors.ref?.message}>
        <input type="text" className={`${inputClass} w-32!`} {...form.register("ref")} />
      </FormField>
      <FormField id="action-title" label="Title" error={errors.title?.message}>
        <input type="text" className={`${inputClass} max-w-2xl`} {...form.register("title")} />
      </FormField>
      <FormField id="action-description" label="Description (optional)" hint="What will be done, and what difference it should make to children and families." error={errors.description?.message}>
        <textarea rows={4} className={`${inputClass} max-w-3xl`} {...form.register("description")} />
      </FormField>
      <FormField id="action-ownerId" label="Owner" hint="The person who posts updates. Only leads and contributors of this area can own an action." error={errors.ownerId?.message}>
        <Select placeholder="Not assigned" options={choices.owners.map((o) => ({ value: o.id, label: o.label }))} {...form.register("ownerId")} />
      </FormField>
      <FormField id="action-leadOrganisationId" label="Lead organisation" error={errors.leadOrganisationId?.message}>
        <Select placeholder="None" options={choices.organisations.map((o) => ({ value: o.id, label: o.name }))} {...form.register("leadOrganisationId")} />
      </FormField>
      <CheckboxGroup id="action-partnerOrganisationIds" legend="Partner organisations (optional)" error={errors.partnerOrganisationIds}>
        {choices.organisations.length === 0 ? <p className="text-secondary">No organisations yet: add them on the plan page.</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {choices.organisations.map((o) => (
            <div key={o.id} className="flex items-center gap-2">
              <input id={`action-partner-${o.id}`} type="checkbox" value={o.id} className="h-6 w-6" {...form.register("partnerOrganisationIds")} />
              <label htmlFor={`action-partner-${o.id}`}>{o.name}</label>
            </div>
          ))}
        </div>
      </CheckboxGroup>
      <div className="flex flex-wrap gap-x-8">
        <FormField id="action-startDate" label="Start date (optional)" error={errors.startDate?.message}>
          <input type="date" className={`${inputClass} w-52!`} {...form.register("startDate")} />
        </FormField>
        <FormField id="action-dueDate" label="Due date (optional)" error={errors.dueDate?.message}>
          <input type="date" className={`${inputClass} w-52!`} {...form.register("dueDate")} />
        </FormField>
      </div>
      <CheckboxGroup id="action-dependsOnIds" legend="Depends on (optional)" error={errors.dependsOnIds}>
        {otherActions.length === 0 ? (
          <p className="text-secondary">There are no other actions in this plan yet.</p>
        ) : (
          <details>
            <summary className="cursor-pointer text-link underline">Choose from {otherActions.length} actions</summary>
            <div className="mt-2 grid max-h-80 gap-2 overflow-y-auto">
              {otherActions.map((a) => (
                <div key={a.id} className="flex items-center gap-2">
                  <input id={`action-dep-${a.id}`} type="checkbox" value={a.id} className="h-6 w-6" {...form.register("dependsOnIds")} />
                  <label htmlFor={`action-dep-${a.id}`}>
                    {a.ref} {a.title}
                  </label>
                </div>
              ))}
            </div>
          </details>
        )}
      </CheckboxGroup>
      <FormField id="action-coproductionLevel" label="Co-production level claimed (optional)" hint="Where on the ladder the council says this action sits. The parent carer forum gives its own view." error={errors.coproductionLevel?.message}>
        <Select placeholder="Not claimed" options={optionsOf(COPRODUCTION_LEVEL)} {...form.register("coproductionLevel")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={create.isPending || update.isPending}>
        {action ? "Save action" : "Add action"}
      </button>
    </form>
  );
}
