"use client";
/** An adviser records a monitoring note on the area or one finding, with a view on the likely judgement. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { RadioGroup } from "@/components/evidence/radio-group";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { ADVISER_VIEW, optionsOf } from "@/lib/labels";
import { adviserNoteFields, type AdviserNoteFields } from "@/server/schemas/adviser";
import { findingTitle } from "@/lib/format/finding-title";

const VIEW_OPTIONS = [...optionsOf(ADVISER_VIEW), { value: "", label: "No view", hint: "A note without a view on the likely judgement" }];

/** Today as an <input type="date"> takes it, in the browser's own calendar. */
function todayIso() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

type Props = {
  slug: string;
  /** The finding the note is about, on the finding page; otherwise the form offers the plan's findings. */
  finding?: { id: string; ref: string };
  findings?: ReadonlyArray<{ id: string; ref: string; summary: string; inspectorsWording: string }>;
};

export function AdviserNoteForm({ slug, finding, findings = [] }: Props) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const empty = (): AdviserNoteFields => ({ findingId: finding?.id ?? "", note: "", view: "", date: todayIso() });
  const form = useForm<AdviserNoteFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(adviserNoteFields), defaultValues: empty() });
  const feedback = useFormFeedback("note", form);
  const record = useMutation(trpc.adviser.recordNote.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await record.mutateAsync({ slug, ...values });
      form.reset(empty());
      refresh();
      return "Your note has been recorded.";
    }),
  );
  const heading = finding ? `Record a monitoring note on finding ${finding.ref}` : "Record a monitoring note";

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="adviser-note-heading" className="mb-10 max-w-3xl">
      <h2 id="adviser-note-heading" className="mb-4 text-2xl">
        {heading}
      </h2>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      {finding ? null : (
        <FormField id="note-findingId" label="What the note is about" error={errors.findingId?.message}>
          <Select placeholder="The area as a whole" options={findings.map((f) => ({ value: f.id, label: `Finding ${f.ref}. ${findingTitle(f)}` }))} {...form.register("findingId")} />
        </FormField>
      )}
      <FormField id="note-note" label="Note" hint="What you saw, heard or read, and what the area should do next." error={errors.note?.message}>
        <textarea rows={6} className={`${inputClass} max-w-3xl`} {...form.register("note")} />
      </FormField>
      <RadioGroup
        id="note-view"
        legend="Your view on the likely judgement"
        error={errors.view?.message}
        options={VIEW_OPTIONS}
        registration={form.register("view")}
      />
      <FormField id="note-date" label="Date of the note" hint="The day of the meeting or visit the note records." error={errors.date?.message}>
        <input type="date" className={`${inputClass} w-52!`} {...form.register("date")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={record.isPending}>
        Record note
      </button>
    </form>
  );
}
