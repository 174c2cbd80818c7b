"use client";
/**
 * The update someone without an account posts through a request link: what has happened, progress
 * and status, checked with the same rules as an owner's check-in. Once sent, the page says so in
 * place of the form, and the link is spent.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, successPanelClass, useFormFeedback } from "@/components/forms/form-feedback";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { ACTION_STATUS } from "@/lib/labels";
import type { ActionStatus } from "@/server/generated/prisma/enums";
import { postViaUpdateRequestSchema, type PostViaUpdateRequestInput } from "@/server/schemas/update-request";

const STATUS_OPTIONS = Object.entries(ACTION_STATUS).map(([value, label]) => ({ value, label }));

export function UpdateViaLinkForm({
  token,
  areaName,
  action,
  details,
}: {
  token: string;
  areaName: string;
  action: { ref: string; status: ActionStatus; progress: number };
  /** What the page shows about the action above the form. */
  details: React.ReactNode;
}) {
  const trpc = useTRPC();
  const prefix = "update-via-link";
  const [sent, setSent] = useState(false);
  const thanks = useRef<HTMLHeadingElement>(null);
  const form = useForm<PostViaUpdateRequestInput>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(postViaUpdateRequestSchema),
    defaultValues: {
      token,
      narrative: "",
      progress: action.progress,
      status: action.status === "NOT_STARTED" ? "IN_PROGRESS" : action.status,
    },
  });
  const feedback = useFormFeedback(prefix, form);
  const post = useMutation(trpc.updateRequest.post.mutationOptions());
  const { errors } = form.formState;

  // The page changes under the reader: take them to what it now says.
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await post.mutateAsync(values);
      setSent(true);
      return "";
    }),
  );

  if (sent) {
    return (
      <div className={`max-w-2xl p-6 ${successPanelClass}`}>
        <h1 ref={thanks} tabIndex={-1} className="mb-4 text-4xl focus:outline-none">
          Update sent
        </h1>
        <p className="font-bold">
          Thank you. Your update has been sent to {areaName} and will be checked by the plan lead.
        </p>
        <p className="mt-4">This link has now been used. You can close this page.</p>
      </div>
    );
  }

  return (
    <>
      {details}
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="mt-2">
        <h2 id={`${prefix}-heading`} className="mb-4 text-2xl">
          Your update on action {action.ref}
        </h2>
        <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
        <FormField
          id={`${prefix}-narrative`}
          label="What has happened since the last update?"
          hint="Plain English: what was done, what it changed, what is next. Do not name children or families."
          error={errors.narrative?.message}
        >
          <textarea rows={6} className={`${inputClass} max-w-2xl`} {...form.register("narrative")} />
        </FormField>
        <div className="flex flex-wrap gap-x-8">
          <FormField id={`${prefix}-progress`} label="Progress (%)" hint="0 to 100" error={errors.progress?.message}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              className={`${inputClass} w-28!`}
              {...form.register("progress", { valueAsNumber: true })}
            />
          </FormField>
          <FormField id={`${prefix}-status`} label="Status" error={errors.status?.message}>
            <Select placeholder="Choose a status" options={STATUS_OPTIONS} {...form.register("status")} />
          </FormField>
        </div>
        <button type="submit" className={buttonClass.primary} disabled={post.isPending}>
          {post.isPending ? "Sending…" : "Send update"}
        </button>
      </form>
    </>
  );
}
