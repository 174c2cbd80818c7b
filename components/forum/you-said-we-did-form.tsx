"use client";
/**
 * Drafts a "you said, we did" entry, or revises one's own draft. The forum proposes; the plan
 * lead drafts; either way the lead publishes it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { youSaidWeDidFieldsSchema, type YouSaidWeDidFields } from "@/server/schemas/forum";
import { findingTitle } from "@/lib/format/finding-title";

export function YouSaidWeDidForm({
  slug,
  side,
  findings,
  entry,
  headingLevel = 3,
}: {
  slug: string;
  /** "forum" proposes, "lead" drafts. */
  side: "forum" | "lead";
  findings: Array<{ id: string; ref: string; summary: string; inspectorsWording: string }>;
  /** The draft being revised; none for a new one. */
  entry?: { id: string } & YouSaidWeDidFields;
  headingLevel?: 3 | 4;
}) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `yswd-${entry?.id ?? "new"}`;
  const defaults: YouSaidWeDidFields = entry
    ? { findingId: entry.findingId, youSaid: entry.youSaid, weDid: entry.weDid, date: entry.date }
    : { findingId: "", youSaid: "", weDid: "", date: "" };
  const form = useForm<YouSaidWeDidFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(youSaidWeDidFieldsSchema), defaultValues: defaults });
  const feedback = useFormFeedback(prefix, form);
  const propose = useMutation(trpc.forum.proposeYouSaidWeDid.mutationOptions());
  const draft = useMutation(trpc.forum.draftYouSaidWeDid.mutationOptions());
  const reviseProposal = useMutation(trpc.forum.reviseProposal.mutationOptions());
  const reviseDraft = useMutation(trpc.forum.reviseDraft.mutationOptions());
  const busy = propose.isPending || draft.isPending || reviseProposal.isPending || reviseDraft.isPending;
  const { errors } = form.formState;
  const Heading = `h${headingLevel}` as const;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      if (entry) {
        await (side === "forum" ? reviseProposal : reviseDraft).mutateAsync({ id: entry.id, ...values });
      } else {
        await (side === "forum" ? propose : draft).mutateAsync({ slug, ...values });
        form.reset(defaults);
      }
      refresh();
      return entry ? "Your draft was saved." : side === "forum" ? "Your entry was sent to the plan lead to publish." : "Your draft was saved.";
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="max-w-2xl">
      <Heading id={`${prefix}-heading`} className="mb-4 text-xl">
        {entry ? "Change this draft" : side === "forum" ? "Propose a “you said, we did”" : "Draft a “you said, we did”"}
      </Heading>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id={`${prefix}-youSaid`} label="You said" hint="What families told the council, in plain words." error={errors.youSaid?.message}>
        <textarea rows={3} className={`${inputClass} max-w-2xl`} {...form.register("youSaid")} />
      </FormField>
      <FormField id={`${prefix}-weDid`} label="We did" hint="What was done about it." error={errors.weDid?.message}>
        <textarea rows={3} className={`${inputClass} max-w-2xl`} {...form.register("weDid")} />
      </FormField>
      <FormField id={`${prefix}-findingId`} label="Which part of the plan is it about? (optional)" error={errors.findingId?.message}>
        <Select
          placeholder="The plan as a whole"
          options={findings.map((f) => ({ value: f.id, label: `Finding ${f.ref}: ${findingTitle(f)}` }))}
          {...form.register("findingId")}
        />
      </FormField>
      <FormField id={`${prefix}-date`} label="Date" error={errors.date?.message}>
        <input type="date" className={`${inputClass} w-48!`} {...form.register("date")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={busy}>
        {busy ? "Saving…" : entry ? "Save draft" : side === "forum" ? "Send to the plan lead" : "Save draft"}
      </button>
    </form>
  );
}
