"use client";
/** The notification settings: a checkbox per kind and the digest's day of the week. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { FormField, Select } from "@/components/ui/form-field";
import { DIGEST_DAY_LABEL, PREFERENCE_FIELDS, PREFERENCE_LABEL, preferencesSchema, type PreferencesInput } from "@/server/schemas/notifications";

const DAY_OPTIONS = Object.entries(DIGEST_DAY_LABEL).map(([value, label]) => ({ value, label }));

export function PreferencesForm({ saved }: { saved: PreferencesInput }) {
  const trpc = useTRPC();
  const prefix = "preferences";
  const form = useForm<PreferencesInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(preferencesSchema), defaultValues: saved });
  const feedback = useFormFeedback(prefix, form);
  const save = useMutation(trpc.notification.savePreferences.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      form.reset(await save.mutateAsync(values));
      return "Your notification settings are saved.";
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Notification settings">
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <Fieldset id={`${prefix}-kinds`} legend="What would you like to hear about?" hint="Turn off what you do not want: Headway will neither email you nor list it in your notifications.">
        {PREFERENCE_FIELDS.map((field) => (
          <Choice key={field} id={`${prefix}-${field}`} type="checkbox" label={PREFERENCE_LABEL[field].label} hint={PREFERENCE_LABEL[field].hint} {...form.register(field)} />
        ))}
      </Fieldset>
      <FormField id={`${prefix}-digestDay`} label="Which day should your weekly digest arrive?" hint="It arrives early in the morning, UK time." error={errors.digestDay?.message}>
        <Select placeholder="Choose a day" options={DAY_OPTIONS} className="max-w-xs" {...form.register("digestDay", { valueAsNumber: true })} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
        Save settings
      </button>
    </form>
  );
}
