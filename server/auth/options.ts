/**
 * next-auth 4 configuration. Sessions are JWTs (credentials sign-in requires it in v4) that
 * carry only the user's id; who they are and what they may do is loaded fresh per request
 * (session-user.ts). Only people an administrator has added can sign in: an unknown email
 * address gets the same "check your email" page and no email, so the form reveals nothing.
 */
import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { routes } from "@/lib/routes";
import { clientAddress } from "@/server/auth/client-address";
import { demoAccountsAllowed } from "@/server/auth/demo-accounts";
import { signInWithPassword } from "@/server/auth/password-sign-in";
import { buildProviders } from "@/server/auth/providers";
import { countMagicLinkRequest } from "@/server/auth/sign-in-limits";
import { loadSessionUser, type SessionUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db";
import { magicLinkEmail } from "@/server/email/magic-link";
import { sendEmail } from "@/server/email/mailer";
import { env } from "@/server/env.js";
import { DatabaseUnavailableError, noteDatabaseOutage } from "@/server/resilience/database-outage";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
    /** Set instead of `user` when the database could not be asked who this is. */
    databaseUnavailable?: true;
  }
}

const OUTAGE = Symbol("database outage");
function outageAsMarker(error: unknown): typeof OUTAGE {
  if (noteDatabaseOutage(error)) return OUTAGE;
  throw error;
}

function userMayUseDemoAccount(user: { isDemo: boolean }) {
  return !user.isDemo || demoAccountsAllowed(env);
}

/** An email link or Entra ID sign-in is for existing, enabled accounts only. */
async function mayUseEmailSignIn(address: string): Promise<boolean> {
  if (!address) return false;
  const user = await getDb().user.findUnique({
    where: { email: address.toLowerCase() },
    select: { isDemo: true, disabledAt: true },
  });
  return !!user && !user.disabledAt && userMayUseDemoAccount(user);
}

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (options) return options;
  const db = getDb();
  options = {
    adapter: PrismaAdapter(db) as NextAuthOptions["adapter"],
    secret: env.NEXTAUTH_SECRET ?? "development-only-secret-not-for-production",
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 60 * 60 },
    pages: { signIn: routes.signIn(), verifyRequest: routes.signInCheckEmail(), error: routes.signIn() },
    providers: buildProviders(env, {
      authorizePassword: (email, password, requestHeaders) =>
        signInWithPassword(db, { email, password, address: clientAddress(requestHeaders, env.TRUST_PROXY) }, env),
      async sendMagicLink({ identifier, url }) {
        // Only people with an account get a link. Everyone else sees the same "check your
        // email" page, so the form does not reveal who has an account.
        if (await mayUseEmailSignIn(identifier)) await sendEmail(magicLinkEmail(identifier, url));
      },
    }),
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider === "password") return true; // checked in authorizePassword
        // Asking for a link: counted against the link limits for everyone, account or not
        // (a refusal reaches the form as "TooManyAttempts:<minutes>"); then sendMagicLink
        // decides whether anything is sent.
        if (email?.verificationRequest) {
          const address = clientAddress(Object.fromEntries(await headers()), env.TRUST_PROXY);
          await countMagicLinkRequest(db, { email: user.email ?? "", address });
          return true;
        }
        return mayUseEmailSignIn(user.email ?? "");
      },
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        // next-auth would swallow a failed lookup and treat the person as signed out (clearing
        // their cookie): during a database outage say so instead (getSession throws it).
        const fresh = token.sub ? await loadSessionUser(db, token.sub).catch(outageAsMarker) : null;
        if (fresh === OUTAGE) return { ...session, user: undefined as never, databaseUnavailable: true };
        // A disabled or deleted user keeps no session: an expired date makes next-auth treat
        // it as signed out.
        if (!fresh) return { ...session, user: undefined as never, expires: new Date(0).toISOString() };
        return { ...session, user: fresh };
      },
    },
  };
  return options;
}

/**
 * The session of the current request, read once per request however many server components
 * ask. Reading cookies first marks the page as per-request.
 */
export const getSession = cache(async () => {
  await cookies();
  const session = await getServerSession(authOptions());
  if (session?.databaseUnavailable) throw new DatabaseUnavailableError();
  return session;
});
