"use client";
/** The forum's own comment on a published "you said, we did" entry: its words, shown beside the council's. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { forumCommentSchema, type ForumCommentInput } from "@/server/schemas/forum";

export function ForumCommentForm({ entryId, current }: { entryId: string; current: string | null }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `forum-comment-${entryId}`;
  const form = useForm<ForumCommentInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(forumCommentSchema), defaultValues: { id: entryId, comment: current ?? "" } });
  const feedback = useFormFeedback(prefix, form);
  const save = useMutation(trpc.forum.commentOnYouSaidWeDid.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await save.mutateAsync(values);
      refresh();
      return "The forum's comment was saved and is shown with the entry.";
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="The forum's comment" className="mt-3 max-w-2xl">
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id={`${prefix}-comment`} label={current ? "Change the forum's comment" : "Add the forum's comment"} hint="Shown with the entry on the public page, in the forum's words." error={errors.comment?.message}>
        <textarea rows={2} className={`${inputClass} max-w-2xl`} {...form.register("comment")} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save comment"}
      </button>
    </form>
  );
}
