"use client";
/**
 * Sign-in: an email link (for everyone with an account), a password (demo and break-glass
 * accounts) and Microsoft Entra ID when configured. The same zod schemas check input here and
 * on the server.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { FORM_BEHAVIOUR } from "@/components/forms/form-feedback";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { magicLinkSchema, passwordSignInSchema, type MagicLinkRequest, type PasswordSignIn } from "@/server/auth/sign-in-schema";
import { tooManyAttemptsMessage } from "@/server/auth/too-many-attempts";
import { routes } from "@/lib/routes";

function summarise(errors: FieldErrors, prefix: string): FieldError[] {
  return Object.entries(errors).map(([field, e]) => ({ field: `${prefix}-${field}`, message: String(e?.message ?? "") }));
}

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PasswordSignIn>({ ...FORM_BEHAVIOUR, resolver: zodResolver(passwordSignInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("password", { ...values, redirect: false, callbackUrl }).catch(() => null);
    if (!result || result.error) {
      setFailure(tooManyAttemptsMessage(result?.error) ?? "The email address or password is not right. Check them and try again.");
      return;
    }
    // A full navigation, so the header and every server component see the new session.
    window.location.assign(result.url ?? callbackUrl);
  });

  const summary = [...summarise(errors, "password"), ...(failure ? [{ field: "password-email", message: failure }] : [])];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading" className="mb-4 text-2xl">
        Sign in with a password
      </h2>
      <ErrorSummary errors={summary} attempt={form.formState.submitCount} />
      <FormField id="password-email" label="Email address" error={errors.email?.message}>
        <input type="email" autoComplete="username" spellCheck={false} className={inputClass} {...form.register("email")} />
      </FormField>
      <FormField id="password-password" label="Password" error={errors.password?.message}>
        <input type="password" autoComplete="current-password" className={inputClass} {...form.register("password")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<MagicLinkRequest>({ ...FORM_BEHAVIOUR, resolver: zodResolver(magicLinkSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("email", { email: values.email, redirect: false, callbackUrl }).catch(() => null);
    if (!result || result.error) {
      setFailure(tooManyAttemptsMessage(result?.error) ?? "We could not send the email. Try again in a few minutes.");
      return;
    }
    router.push(routes.signInCheckEmail());
  });

  const summary = [...summarise(errors, "link"), ...(failure ? [{ field: "link-email", message: failure }] : [])];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="link-heading">
      <h2 id="link-heading" className="mb-4 text-2xl">
        Sign in with a link by email
      </h2>
      <ErrorSummary errors={summary} attempt={form.formState.submitCount} />
      <FormField
        id="link-email"
        label="Email address"
        hint="Use the address your council or organisation gave Headway. We will email you a link that signs you in."
        error={errors.email?.message}
      >
        <input type="email" autoComplete="email" spellCheck={false} className={inputClass} {...form.register("email")} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}

export function EntraSignInButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button type="button" className={buttonClass.secondary} onClick={() => void signIn("azure-ad", { callbackUrl })}>
      Sign in with your Microsoft work account
    </button>
  );
}
