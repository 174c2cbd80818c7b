"use client";
/**
 * The forum's verdict on an action or a finding: agree, agree with comments or disagree; the
 * level of co-production the forum recognises; the cornerstones met; its words; public or not.
 * A verdict is never edited: giving a new one replaces the current one, and the history keeps both.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { RadioGroup } from "@/components/evidence/radio-group";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { CORNERSTONE, COPRODUCTION_LEVEL, VERDICT } from "@/lib/labels";
import type { VerdictKind } from "@/server/generated/prisma/enums";
import { verdictFieldsSchema, type VerdictFields, type VerdictTarget } from "@/server/schemas/forum";

const VERDICT_HINT: Record<VerdictKind, string> = {
  AGREE: "Families were involved as the council says.",
  AGREE_WITH_COMMENTS: "Broadly, but with things the council should hear.",
  DISAGREE: "Families were not involved as the council says.",
};
const VERDICT_OPTIONS = (Object.keys(VERDICT) as VerdictKind[]).map((v) => ({ value: v, label: VERDICT[v], hint: VERDICT_HINT[v] }));
const LEVEL_OPTIONS = Object.entries(COPRODUCTION_LEVEL).map(([value, label]) => ({ value, label }));

export function VerdictForm({
  target,
  what,
  replaces,
  headingLevel = 3,
}: {
  target: VerdictTarget;
  /** "action 5.3" or "finding 5", for the heading and the notice. */
  what: string;
  /** The current verdict this one replaces, if any. */
  replaces: string | null;
  headingLevel?: 3 | 4;
}) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `verdict-${target.actionId ?? target.findingId}`;
  const defaults = { levelRecognised: "", cornerstonesMet: [], text: "", isPublic: false, replaces: replaces ?? "" } as Partial<VerdictFields>;
  const form = useForm<VerdictFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(verdictFieldsSchema), defaultValues: defaults });
  const feedback = useFormFeedback(prefix, form);
  const record = useMutation(trpc.forum.recordVerdict.mutationOptions());
  const { errors } = form.formState;
  const Heading = `h${headingLevel}` as const;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await record.mutateAsync({ ...target, ...values, replaces: replaces ?? "" });
      form.reset(defaults);
      refresh();
      return `The forum's verdict on ${what} was recorded: ${VERDICT[values.verdict]}.`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="max-w-2xl">
      <Heading id={`${prefix}-heading`} className="mb-2 text-xl">
        {replaces ? "Give a new verdict" : "Give the forum's verdict"}
      </Heading>
      <p className="mb-4 text-secondary">
        {replaces
          ? "A new verdict from any member of the forum replaces the current one. Nobody can edit a verdict: the earlier one stays in the history, with who gave it."
          : "Once given, nobody at the council can change it. Only the forum can replace it, by giving a new verdict."}
      </p>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <RadioGroup
        id={`${prefix}-verdict`}
        legend={`Does the forum agree with how ${what} involves families?`}
        error={errors.verdict?.message}
        options={VERDICT_OPTIONS}
        registration={form.register("verdict")}
      />
      <FormField
        id={`${prefix}-levelRecognised`}
        label="What level of co-production does the forum recognise?"
        hint="Informing, consulting, engaging, co-designing, co-producing: lowest first."
        error={errors.levelRecognised?.message}
      >
        <Select placeholder="Not stated" options={LEVEL_OPTIONS} {...form.register("levelRecognised")} />
      </FormField>
      <Fieldset id={`${prefix}-cornerstonesMet`} legend="Which cornerstones of co-production were met?" legendSize="m" hint="Select all that apply." error={errors.cornerstonesMet?.message}>
        {Object.entries(CORNERSTONE).map(([value, label], i) => (
          <Choice
            key={value}
            id={i === 0 ? `${prefix}-cornerstonesMet` : `${prefix}-cornerstonesMet-${value}`}
            type="checkbox"
            value={value}
            label={label}
            {...form.register("cornerstonesMet")}
          />
        ))}
      </Fieldset>
      <FormField
        id={`${prefix}-text`}
        label="What the forum says"
        hint="In the forum's own words. Needed unless the forum simply agrees."
        error={errors.text?.message}
      >
        <textarea rows={5} className={`${inputClass} max-w-2xl`} {...form.register("text")} />
      </FormField>
      <Fieldset id={`${prefix}-isPublic`} legend="Public page" legendSize="m">
        <Choice id={`${prefix}-isPublic`} type="checkbox" label="Show this verdict on the area's public page for families" {...form.register("isPublic")} />
      </Fieldset>
      <button type="submit" className={buttonClass.primary} disabled={record.isPending}>
        {record.isPending ? "Recording…" : "Record verdict"}
      </button>
    </form>
  );
}
