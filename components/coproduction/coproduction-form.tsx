"use client";
/** The owner or the lead records a piece of co-production on an action. */
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
import { FormField, inputClass } from "@/components/ui/form-field";
import { COPRODUCTION_PARTICIPANT, COPRODUCTION_STAGE } from "@/lib/labels";
import { recordCoproductionSchema, type RecordCoproductionInput } from "@/server/schemas/forum";

const STAGE_OPTIONS = Object.entries(COPRODUCTION_STAGE).map(([value, label]) => ({ value, label }));

export function CoproductionForm({ action }: { action: { id: string; ref: string } }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `coproduction-${action.id}`;
  const defaults = { actionId: action.id, involved: [], familiesReached: "", date: "", note: "" } as Partial<RecordCoproductionInput>;
  const form = useForm<RecordCoproductionInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(recordCoproductionSchema), defaultValues: defaults });
  const feedback = useFormFeedback(prefix, form);
  const record = useMutation(trpc.forum.recordCoproduction.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await record.mutateAsync(values);
      form.reset(defaults);
      refresh();
      return `Co-production recorded on action ${action.ref}.`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="max-w-2xl">
      <h4 id={`${prefix}-heading`} className="mb-4 text-xl">
        Record co-production
      </h4>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <RadioGroup
        id={`${prefix}-stage`}
        legend="At what stage were families involved?"
        error={errors.stage?.message}
        options={STAGE_OPTIONS}
        registration={form.register("stage")}
      />
      <Fieldset id={`${prefix}-involved`} legend="Who was involved?" legendSize="m" hint="Select all that apply." error={errors.involved?.message}>
        {Object.entries(COPRODUCTION_PARTICIPANT).map(([value, label], i) => (
          <Choice
            key={value}
            id={i === 0 ? `${prefix}-involved` : `${prefix}-involved-${value}`}
            type="checkbox"
            value={value}
            label={label}
            {...form.register("involved")}
          />
        ))}
      </Fieldset>
      <div className="flex flex-wrap gap-x-8">
        <FormField id={`${prefix}-familiesReached`} label="Families reached (optional)" error={errors.familiesReached?.message}>
          <input type="text" inputMode="numeric" className={`${inputClass} w-28!`} {...form.register("familiesReached")} />
        </FormField>
        <FormField id={`${prefix}-date`} label="Date" error={errors.date?.message}>
          <input type="date" className={`${inputClass} w-48!`} {...form.register("date")} />
        </FormField>
      </div>
      <FormField id={`${prefix}-note`} label="What happened (optional)" hint="What families shaped, and what changed because of it." error={errors.note?.message}>
        <textarea rows={3} className={`${inputClass} max-w-2xl`} {...form.register("note")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={record.isPending}>
        {record.isPending ? "Saving…" : "Record co-production"}
      </button>
    </form>
  );
}
