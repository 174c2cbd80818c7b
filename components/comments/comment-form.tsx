"use client";
/**
 * Add a comment to an action, finding or measure, choosing who may see it. The forum has no
 * choice: its comments are always shared with the forum (the server holds it to that too).
 * After saving, the page's server-fetched timeline or thread is fetched again.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { APPEND_ONLY_HINT, COMMENT_VISIBILITY_HINT } from "@/components/comments/labels";
import { COMMENT_VISIBILITY } from "@/lib/labels";
import { RadioGroup } from "@/components/evidence/radio-group";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { CommentVisibility } from "@/server/generated/prisma/enums";
import { commentFieldsSchema, MAX_COMMENT_LENGTH, type CommentFields, type CommentTarget } from "@/server/schemas/comment";

const VISIBILITY_OPTIONS = Object.values(CommentVisibility).map((v) => ({ value: v, label: COMMENT_VISIBILITY[v], hint: COMMENT_VISIBILITY_HINT[v] }));

export function CommentForm({
  target,
  keepInternal,
  what,
  headingLevel = 3,
}: {
  /** Exactly one of actionId, findingId, measureId. */
  target: CommentTarget;
  /** May the viewer keep a comment to the council and partners? False for the forum. */
  keepInternal: boolean;
  /** What is commented on, for the heading: "this action". */
  what: string;
  headingLevel?: 3 | 4;
}) {
  const prefix = `comment-${target.actionId ?? target.findingId ?? target.measureId}`;
  const Heading = `h${headingLevel}` as const;
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  // The narrowest audience unless the person chooses a wider one; the forum's only audience.
  const defaults: CommentFields = { body: "", visibility: keepInternal ? "INTERNAL" : "WITH_FORUM" };
  const form = useForm<CommentFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(commentFieldsSchema), defaultValues: defaults });
  const feedback = useFormFeedback(prefix, form);
  const add = useMutation(trpc.comment.add.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await add.mutateAsync({ ...target, ...values });
      form.reset(defaults);
      refresh();
      return `Your comment was added: ${COMMENT_VISIBILITY[values.visibility].toLowerCase()}.`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="mb-10 max-w-2xl border-l-4 border-brand pl-6">
      <Heading id={`${prefix}-heading`} className="mb-4 text-xl">
        Comment on {what}
      </Heading>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField
        id={`${prefix}-body`}
        label="Add a comment"
        hint={`Up to ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters. ${APPEND_ONLY_HINT}`}
        error={errors.body?.message}
      >
        <textarea rows={4} className={`${inputClass} max-w-2xl`} {...form.register("body")} />
      </FormField>
      {keepInternal ? (
        <RadioGroup
          id={`${prefix}-visibility`}
          legend="Who can see it?"
          error={errors.visibility?.message}
          options={VISIBILITY_OPTIONS}
          registration={form.register("visibility")}
        />
      ) : (
        <p id={`${prefix}-visibility`} className="mb-6">
          Your comment will be shared with the forum and with everyone working on the plan.
        </p>
      )}
      <button type="submit" className={buttonClass.primary} disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add comment"}
      </button>
    </form>
  );
}
