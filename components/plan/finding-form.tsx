"use client";
/** Adding or editing a finding: the inspectors' wording verbatim, and a plain-English summary. */
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
import { FINDING_KIND, optionsOf } from "@/lib/labels";
import { FINDING_FIELD_LABELS, findingFields, type FindingFields } from "@/server/schemas/plan";
import { routes } from "@/lib/routes";

type Props = { slug: string } & ({ planId: string; finding?: undefined } | { planId?: undefined; finding: FindingFields & { id: string; version: number } });

const display = (v: FindingFields) => ({ ...v, kind: FINDING_KIND[v.kind] ?? v.kind });

export function FindingForm({ slug, planId, finding }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const { refresh } = useRefresh();
  const versioned = useVersionedSave<FindingFields>(finding?.version ?? 1);
  const form = useForm<FindingFields>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(findingFields),
    defaultValues: finding ?? { ref: "", kind: "SIGNIFICANT_WEAKNESS", inspectorsWording: "", summary: "" },
  });
  const feedback = useFormFeedback("finding", form);
  const create = useMutation(trpc.finding.create.mutationOptions());
  const update = useMutation(trpc.finding.update.mutationOptions());
  const { errors } = form.formState;

  async function save(values: FindingFields, overVersion?: number) {
    if (!finding) {
      await create.mutateAsync({ planId: planId!, ...values });
      router.push(routes.plan(slug));
      refresh();
      return `Finding ${values.ref} has been added.`;
    }
    const saved = await versioned.save(values, (version) => update.mutateAsync({ id: finding.id, version, ...values }), overVersion);
    form.reset({ ref: saved.ref, kind: saved.kind, inspectorsWording: saved.inspectorsWording, summary: saved.summary });
    refresh();
    return `Finding ${saved.ref} has been saved.`;
  }

  const onSubmit = form.handleSubmit((values) => feedback.submit(() => save(values)));

  return (
    <form onSubmit={onSubmit} noValidate aria-label={finding ? `Edit finding ${finding.ref}` : "Add a finding"}>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <StaleSaveConflict
        versioned={versioned}
        fields={FINDING_FIELD_LABELS}
        display={display}
        onReapply={(mine, theirVersion) => feedback.submit(() => save(mine, theirVersion))}
        onDiscard={(theirs) => form.reset(theirs)}
      />
      <FormField id="finding-ref" label="Reference" hint="As numbered in the inspection letter, for example 1 or 3." error={errors.ref?.message}>
        <input type="text" className={`${inputClass} w-32!`} {...form.register("ref")} />
      </FormField>
      <FormField id="finding-kind" label="Kind of finding" error={errors.kind?.message}>
        <Select placeholder="Choose the kind" options={optionsOf(FINDING_KIND)} {...form.register("kind")} />
      </FormField>
      <FormField id="finding-inspectorsWording" label="The inspectors' wording" hint="Copied exactly from the outcome letter." error={errors.inspectorsWording?.message}>
        <textarea rows={6} className={`${inputClass} max-w-3xl`} {...form.register("inspectorsWording")} />
      </FormField>
      <FormField id="finding-summary" label="Plain-English summary" hint="For families and the public page: what needs to get better, in a sentence or two. Can wait: until it is written, pages show the inspectors’ wording." error={errors.summary?.message}>
        <textarea rows={3} className={`${inputClass} max-w-3xl`} {...form.register("summary")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={create.isPending || update.isPending}>
        {finding ? "Save finding" : "Add finding"}
      </button>
    </form>
  );
}
