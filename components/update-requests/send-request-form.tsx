"use client";
/**
 * The plan lead's request for an update from someone without an account: their email address and
 * an optional message. The link goes to them by email only; the lead is told until when it works.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { formatDate } from "@/lib/format/dates";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { sendUpdateRequestSchema, type SendUpdateRequestInput } from "@/server/schemas/update-request";

/** `organisations`: the action's lead and partner organisations, one of which the person may work for. */
export function SendRequestForm({
  action,
  organisations,
}: {
  action: { id: string; ref: string };
  organisations: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `update-request-${action.id}`;
  const form = useForm<SendUpdateRequestInput>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(sendUpdateRequestSchema),
    defaultValues: { actionId: action.id, email: "", organisationId: "", message: "" },
  });
  const feedback = useFormFeedback(prefix, form);
  const send = useMutation(trpc.updateRequest.send.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const request = await send.mutateAsync(values);
      form.reset({ actionId: action.id, email: "", organisationId: "", message: "" });
      refresh();
      return `Request sent to ${request.email}. The link works once and expires on ${formatDate(request.expiresAt)}.`;
    }),
  );

  return (
    // The section around it carries the heading; the form is named for landmarks and tests alike.
    <form onSubmit={onSubmit} noValidate aria-label="Ask someone for an update">
      <p className="mb-4 max-w-2xl">
        Send a link to someone without a Headway account, such as a school SENCO, so they can post one update on
        action {action.ref}. The update waits for your acknowledgement like any other.
      </p>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id={`${prefix}-email`} label="Their email address" error={errors.email?.message}>
        <input type="email" autoComplete="off" spellCheck={false} className={inputClass} {...form.register("email")} />
      </FormField>
      <FormField
        id={`${prefix}-organisationId`}
        label="Their organisation (optional)"
        hint="Readers who may not see the address, such as the parent carer forum, see the update as from this organisation."
        error={errors.organisationId?.message}
      >
        <Select
          placeholder="Not one of these"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          {...form.register("organisationId")}
        />
      </FormField>
      <FormField
        id={`${prefix}-message`}
        label="Message (optional)"
        hint="Say what you would like to hear about. It is sent with the link and shown on the page they open."
        error={errors.message?.message}
      >
        <textarea rows={3} className={`${inputClass} max-w-2xl`} {...form.register("message")} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={send.isPending}>
        {send.isPending ? "Sending…" : "Send request"}
      </button>
    </form>
  );
}
