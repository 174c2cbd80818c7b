"use client";
/**
 * The plan lead makes an API token: a name (the system that will use it), what it may do (its
 * scopes) and its last day. Once made, its secret is shown here, once, to copy: Headway keeps only
 * a fingerprint of it. The panel takes the focus, and stays until the page is left.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, successPanelClass, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { FormField, inputClass } from "@/components/ui/form-field";
import { useFocusOnArrival } from "@/components/ui/use-focus-on-arrival";
import { formatDate } from "@/lib/format/dates";
import { API_SCOPE_NAMES, API_SCOPES, createApiTokenSchema, type CreateApiTokenInput } from "@/server/schemas/api-token";

type Made = { name: string; secret: string; lastDay: Date };

export function MakeTokenForm({ slug, lastDayRange }: { slug: string; lastDayRange: { min: string; max: string; suggested: string } }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = "api-token";
  const empty: CreateApiTokenInput = { slug, name: "", scopes: [], expiresOn: lastDayRange.suggested };
  const form = useForm<CreateApiTokenInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(createApiTokenSchema), defaultValues: empty });
  const feedback = useFormFeedback(prefix, form);
  const create = useMutation(trpc.apiToken.create.mutationOptions());
  const [made, setMade] = useState<Made | null>(null);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      setMade(null);
      const token = await create.mutateAsync(values);
      setMade({ name: token.name, secret: token.secret, lastDay: token.lastDay });
      form.reset(empty);
      refresh();
      // The panel below says it all, and takes the focus.
      return "";
    }),
  );

  return (
    <>
      {made ? <MadeToken made={made} /> : null}
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`}>
        <h2 id={`${prefix}-heading`} className="mb-4 text-2xl">
          Make a token
        </h2>
        <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
        <FormField id={`${prefix}-name`} label="Name" hint="What will use it, so you know which token to revoke: like “SEN2 returns”." error={errors.name?.message}>
          <input type="text" autoComplete="off" className={inputClass} {...form.register("name")} />
        </FormField>
        <Fieldset id={`${prefix}-scopes`} legend="What it may do" legendSize="m" hint="Choose only what the system needs." error={errors.scopes?.message}>
          {API_SCOPE_NAMES.map((name, i) => (
            <Choice
              key={name}
              id={i === 0 ? `${prefix}-scopes` : `${prefix}-scopes-${name.replace(":", "-")}`}
              type="checkbox"
              value={name}
              label={`${API_SCOPES[name].label} (${name})`}
              hint={API_SCOPES[name].hint}
              {...form.register("scopes")}
            />
          ))}
        </Fieldset>
        <FormField
          id={`${prefix}-expiresOn`}
          label="Last day it works"
          hint={`After today and at most a year ahead: ${formatDate(lastDayRange.max)} at the latest. It stops at the end of that day.`}
          error={errors.expiresOn?.message}
        >
          <input type="date" min={lastDayRange.min} max={lastDayRange.max} className={`${inputClass} w-48!`} {...form.register("expiresOn")} />
        </FormField>
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          {create.isPending ? "Making the token…" : "Make token"}
        </button>
      </form>
    </>
  );
}

/** The new token's secret, once: to copy into the system that will use it. */
function MadeToken({ made }: { made: Made }) {
  const ref = useFocusOnArrival<HTMLHeadingElement>(made.secret);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className={`mb-10 p-4 ${successPanelClass}`}>
      <h2 ref={ref} tabIndex={-1} className="mb-2 text-2xl focus:outline-[3px] focus:outline-focus">
        Token “{made.name}” made
      </h2>
      <p className="mb-4 font-bold">Copy it now: Headway keeps only a fingerprint of it and cannot show it again.</p>
      <label htmlFor="api-token-secret" className="mb-1 block font-bold">
        The token (works until the end of {formatDate(made.lastDay)})
      </label>
      <input
        id="api-token-secret"
        type="text"
        readOnly
        value={made.secret}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        className="mb-3 block w-full max-w-2xl border-2 border-ink bg-white px-2 py-1.5 font-mono text-base text-ink"
      />
      <button
        type="button"
        className={buttonClass.secondary}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(made.secret);
            setCopied("Copied to the clipboard.");
          } catch {
            setCopied("Could not copy: select the token and copy it yourself.");
          }
        }}
      >
        Copy the token
      </button>
      <p role="status" aria-live="polite" className="mt-2 text-ink">
        {copied}
      </p>
    </div>
  );
}
