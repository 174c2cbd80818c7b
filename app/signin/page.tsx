import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EntraSignInButton, MagicLinkForm, PasswordSignInForm } from "@/components/auth/sign-in-forms";
import { getSession } from "@/server/auth/options";
import { tooManyAttemptsMessage } from "@/server/auth/too-many-attempts";
import { env } from "@/server/env.js";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one below.",
  AccessDenied: "You cannot sign in with that account. Ask your plan lead or an administrator to add you to Headway.",
  EmailSignin: "We could not send the sign-in email. Try again in a few minutes.",
  SessionRequired: "Sign in to see that page.",
};

/** Only ever return to a page of this site ("//elsewhere" and other sites become "/"). */
function safeReturn(url: string | undefined): string {
  const site = new URL(env.NEXTAUTH_URL ?? "http://localhost:3000");
  try {
    const u = new URL(url || "/", site);
    return u.origin === site.origin ? `${u.pathname}${u.search}` : "/";
  } catch {
    return "/";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturn(params.callbackUrl);
  const session = await getSession();
  if (session?.user) redirect(callbackUrl);
  const error = params.error
    ? (ERRORS[params.error] ?? tooManyAttemptsMessage(params.error) ?? "Sign-in did not work. Try again.")
    : null;
  const entra = Boolean(env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID);

  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">Sign in to Headway</h1>
      {params["signed-out"] ? (
        <div role="status" className="mb-8 border-[5px] border-success p-4">
          <p className="font-bold">You have signed out.</p>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="mb-8 border-[5px] border-error p-4">
          <h2 className="mb-2 text-xl">There is a problem</h2>
          <p className="font-bold text-error">{error}</p>
        </div>
      ) : null}
      {env.EMAIL_SERVER ? (
        <section className="mb-10">
          <MagicLinkForm callbackUrl={callbackUrl} />
        </section>
      ) : null}
      {entra ? (
        <section className="mb-10">
          <h2 className="mb-4 text-2xl">Sign in with Microsoft</h2>
          <EntraSignInButton callbackUrl={callbackUrl} />
        </section>
      ) : null}
      <section className="border-t border-border pt-8">
        <PasswordSignInForm callbackUrl={callbackUrl} />
      </section>
    </div>
  );
}
