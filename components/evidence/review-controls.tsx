"use client";
/**
 * The plan lead's controls on one piece of evidence: accept, or reject with a note saying why;
 * and, once accepted, mark it ready for inspectors (or take it out of their pack again).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { RadioGroup } from "@/components/evidence/radio-group";
import { FORM_BEHAVIOUR, useFormFeedback } from "@/components/forms/form-feedback";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import type { ReviewStatus } from "@/server/generated/prisma/enums";
import { reviewEvidenceSchema, type ReviewEvidenceInput } from "@/server/schemas/evidence";
import type { z } from "zod";

type Reviewable = { id: string; title: string; reviewStatus: ReviewStatus; readyForInspectors: boolean };

const DECISIONS = [
  { value: "ACCEPTED", label: "Accept" },
  { value: "REJECTED", label: "Reject" },
] as const;

export function ReviewControls({ item, onChanged }: { item: Reviewable; onChanged: (message: string) => void | Promise<void> }) {
  return (
    <div className="mt-3">
      {item.reviewStatus === "PENDING" ? (
        <ReviewForm item={item} onChanged={onChanged} />
      ) : (
        <details className="mb-3">
          <summary className="cursor-pointer text-link underline">
            Change the review<span className="sr-only"> of {item.title}</span>
          </summary>
          <div className="panel-border mt-2 pl-4">
            <ReviewForm item={item} onChanged={onChanged} />
          </div>
        </details>
      )}
      {item.reviewStatus === "ACCEPTED" ? <ReadyButton item={item} onChanged={onChanged} /> : null}
    </div>
  );
}

function ReviewForm({ item, onChanged }: { item: Reviewable; onChanged: (message: string) => void | Promise<void> }) {
  const trpc = useTRPC();
  const review = useMutation(trpc.evidence.review.mutationOptions());
  const form = useForm<z.input<typeof reviewEvidenceSchema>, unknown, ReviewEvidenceInput>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(reviewEvidenceSchema),
    defaultValues: { id: item.id, note: "" },
  });
  const prefix = `review-${item.id}`;
  const feedback = useFormFeedback(prefix, form);
  const { errors } = form.formState;

  // The list above says what was done (onChanged), so the form has no notice of its own.
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await review.mutateAsync(values);
      await onChanged(`You ${values.decision === "ACCEPTED" ? "accepted" : "rejected"} “${item.title}”.`);
      return "";
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Review ${item.title}`}>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <RadioGroup
        id={`${prefix}-decision`}
        legend={
          <>
            Your review<span className="sr-only"> of {item.title}</span>
          </>
        }
        inline
        error={errors.decision?.message}
        options={DECISIONS}
        registration={form.register("decision")}
      />
      <FormField
        id={`${prefix}-note`}
        label="Note to the person who added it"
        hint="Required if you reject it: say what is wrong so they can put it right."
        error={errors.note?.message}
      >
        <textarea rows={2} className={inputClass} {...form.register("note")} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={review.isPending}>
        {review.isPending ? "Saving…" : "Save review"}
        <span className="sr-only"> of {item.title}</span>
      </button>
    </form>
  );
}

function ReadyButton({ item, onChanged }: { item: Reviewable; onChanged: (message: string) => void | Promise<void> }) {
  const trpc = useTRPC();
  const setReady = useMutation(trpc.evidence.setReady.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const ready = !item.readyForInspectors;

  async function toggle() {
    setProblem(null);
    try {
      await setReady.mutateAsync({ id: item.id, ready });
      await onChanged(ready ? `“${item.title}” is ready for inspectors.` : `“${item.title}” is no longer marked ready for inspectors.`);
    } catch (error) {
      setProblem(errorsFrom(error, "ready")[0]?.message ?? null);
    }
  }

  return (
    <div className="mt-2">
      <button type="button" className={buttonClass.secondary} disabled={setReady.isPending} onClick={toggle}>
        {ready ? "Mark ready for inspectors" : "Remove from the inspectors' pack"}
        <span className="sr-only">: {item.title}</span>
      </button>
      {problem ? (
        <p role="alert" className="mt-2 font-bold text-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
