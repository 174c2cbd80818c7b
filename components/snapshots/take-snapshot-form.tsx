"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { BOARD_TEXT_MAX, SNAPSHOT_FIELD_LABELS, snapshotFields, type SnapshotFields } from "@/server/schemas/snapshot";
import { routes } from "@/lib/routes";

const EMPTY: SnapshotFields = { label: "", keyMessages: "", decisions: "" };
const LIMIT = `Up to ${BOARD_TEXT_MAX.toLocaleString("en-GB")} characters.`;

/**
 * Freeze the plan's state under a label: a LEAD or an ADVISER, before a board or a stocktake, with
 * the key messages and the decisions for the board pack's first page if they write them.
 */
export function TakeSnapshotForm({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const [taken, setTaken] = useState<{ id: string; label: string } | null>(null);
  const form = useForm<SnapshotFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(snapshotFields), defaultValues: EMPTY });
  const feedback = useFormFeedback("snapshot", form);
  const take = useMutation(trpc.snapshot.take.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      setTaken(null);
      const snapshot = await take.mutateAsync({ slug, ...values });
      form.reset(EMPTY);
      setTaken(snapshot);
      refresh();
      return `Snapshot “${snapshot.label}” taken.`;
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="take-snapshot" className="mb-10 max-w-2xl">
      <h2 id="take-snapshot" className="mb-2 text-2xl">
        Take a snapshot
      </h2>
      <p className="mb-4">
        A snapshot freezes the plan as it is now: every action&apos;s status, RAG and dates, the measures, evidence, the
        forum&apos;s verdicts and the adviser&apos;s notes. Later you can see what has changed since, and print it as a board
        pack. What you write below for the board goes on the pack&apos;s first page; left empty, the pack says none were written.
      </p>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      {taken ? (
        <p className="mb-4">
          <Link href={routes.snapshot(slug, taken.id)}>See what changes since “{taken.label}”</Link>
        </p>
      ) : null}
      <FormField id="snapshot-label" label={SNAPSHOT_FIELD_LABELS.label} hint="For example, “Improvement board 12 March”" error={errors.label?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("label")} />
      </FormField>
      <FormField
        id="snapshot-keyMessages"
        label={SNAPSHOT_FIELD_LABELS.keyMessages}
        hint={`What the board should take from this pack, in a few sentences. ${LIMIT}`}
        error={errors.keyMessages?.message}
      >
        <textarea rows={5} className={`${inputClass} max-w-2xl`} {...form.register("keyMessages")} />
      </FormField>
      <FormField
        id="snapshot-decisions"
        label={SNAPSHOT_FIELD_LABELS.decisions}
        hint={`What the board is asked to agree or decide, one per line. ${LIMIT}`}
        error={errors.decisions?.message}
      >
        <textarea rows={4} className={`${inputClass} max-w-2xl`} {...form.register("decisions")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={take.isPending}>
        Take snapshot
      </button>
    </form>
  );
}
