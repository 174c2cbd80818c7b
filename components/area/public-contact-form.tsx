"use client";
/**
 * The plan lead sets how families reach the council about the area's plan: an email address, a web
 * page, or both. The public pages show "Contact <council>" at their foot only when one is set;
 * emptying both takes it away.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { publicContactFields, type PublicContactFields } from "@/server/schemas/area";

export function PublicContactForm({ slug, email, url }: { slug: string; email: string | null; url: string | null }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const form = useForm<PublicContactFields>({ ...FORM_BEHAVIOUR, resolver: zodResolver(publicContactFields), defaultValues: { email: email ?? "", url: url ?? "" } });
  const feedback = useFormFeedback("public-contact", form);
  const save = useMutation(trpc.area.setPublicContact.mutationOptions());
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const saved = await save.mutateAsync({ slug, ...values });
      form.reset({ email: saved.email ?? "", url: saved.url ?? "" });
      refresh();
      return saved.email || saved.url ? "The contact for families has been saved." : "The contact for families has been removed.";
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="public-contact" className="mt-8 max-w-2xl">
      <h3 id="public-contact" className="mb-2 text-lg">
        How families contact the council
      </h3>
      <p className="mb-4">
        Shown at the bottom of the public pages as &ldquo;Contact&rdquo; and the council&apos;s name. Give the SEND team&apos;s
        email address, a web page with its contact details, or both. Leave both empty to show no contact.
      </p>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <FormField id="public-contact-email" label="Email address (optional)" hint="For example, send@council.gov.uk" error={errors.email?.message}>
        <input type="email" autoComplete="off" spellCheck={false} className={inputClass} {...form.register("email")} />
      </FormField>
      <FormField
        id="public-contact-url"
        label="Web page (optional)"
        hint="Starting https://, for example https://www.council.gov.uk/send-contact"
        error={errors.url?.message}
      >
        <input type="url" autoComplete="off" spellCheck={false} className={inputClass} {...form.register("url")} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={save.isPending}>
        Save the contact
      </button>
    </form>
  );
}
