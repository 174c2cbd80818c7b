/**
 * next-auth 4 configuration. Sessions are JWTs (credentials sign-in requires it in v4) that
 * carry the user's id and the session's own id and times (session-clock.ts); who they are and
 * what they may do is loaded fresh per request (session-user.ts), in the same statement that asks
 * whether the session was ended on the server. Only people an administrator has added can sign
 * in: an unknown email address gets the same "check your email" page, no email and no stored
 * token, so the form reveals nothing.
 */
import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { routes } from "@/lib/routes";
import { clientAddress } from "@/server/auth/client-address";
import { demoAccountsAllowed } from "@/server/auth/demo-accounts";
import { signInWithPassword } from "@/server/auth/password-sign-in";
import { buildProviders } from "@/server/auth/providers";
import { DEVELOPMENT_SECRET, newSessionClaims, secondsLeft, sessionEndsAt, sessionOver, SessionOver, type SessionTimes } from "@/server/auth/session-clock";
import { countMagicLinkRequest } from "@/server/auth/sign-in-limits";
import { loadSessionUser, type SessionUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db";
import { magicLinkEmail } from "@/server/email/magic-link";
import { sendEmail } from "@/server/email/mailer";
import { env } from "@/server/env.js";
import { DatabaseUnavailableError, noteDatabaseOutage } from "@/server/resilience/database-outage";
import { revokeSession } from "@/server/services/sessions/sessions";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
    /** Set instead of `user` when the database could not be asked who this is. */
    databaseUnavailable?: true;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    signedInAt?: number;
    lastSeenAt?: number;
  }
}

export const sessionTimes: SessionTimes = { maxAgeHours: env.SESSION_MAX_AGE_HOURS, idleMinutes: env.SESSION_IDLE_MINUTES };

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
  const adapter = PrismaAdapter(db) as NonNullable<NextAuthOptions["adapter"]>;
  options = {
    adapter: {
      ...adapter,
      // A sign-in link's token is stored only for someone who may use it: for anyone else
      // next-auth still answers "check your email" (sendMagicLink sends nothing) and nothing
      // is kept.
      async createVerificationToken(token) {
        return (await mayUseEmailSignIn(token.identifier)) ? adapter.createVerificationToken!(token) : null;
      },
    },
    secret: env.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 60 * 60 },
    // next-auth gives every re-issued token a fresh `exp` of now + maxAge; this one ends when the
    // session does, sign-in + SESSION_MAX_AGE_HOURS.
    jwt: {
      encode: (params) =>
        encode({ ...params, maxAge: typeof params.token?.signedInAt === "number" ? secondsLeft(params.token, sessionTimes, Date.now()) : params.maxAge }),
    },
    pages: { signIn: routes.signIn(), verifyRequest: routes.signInCheckEmail(), error: routes.signIn() },
    providers: buildProviders(env, {
      authorizePassword: (email, password, requestHeaders) =>
        signInWithPassword(db, { email, password, address: clientAddress(requestHeaders, env.TRUST_PROXY) }, env),
      async sendMagicLink({ identifier, url }) {
        // Only people with an account get a link. Everyone else sees the same "check your
        // email" page, so the form does not reveal who has an account; and the answer does not
        // wait for the mail server, whose time would tell the two apart just as well. (So a mail
        // server that is down is logged here, not shown on the form.)
        if (!(await mayUseEmailSignIn(identifier))) return;
        void sendEmail(magicLinkEmail(identifier, url)).catch((error: unknown) => console.error("[sign-in] the sign-in link could not be sent:", error));
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
      // Runs at sign-in (with `user`) and on every session read. Throwing ends the session:
      // next-auth clears the cookie and answers "no session".
      jwt({ token, user }) {
        const now = Date.now();
        if (user) return { ...token, sub: user.id, ...newSessionClaims(now) };
        const over = sessionOver(token, sessionTimes, now);
        if (over) throw new SessionOver(over);
        return { ...token, lastSeenAt: now };
      },
      async session({ session, token }) {
        // next-auth would swallow a failed lookup and treat the person as signed out (clearing
        // their cookie): during a database outage say so instead (getSession throws it).
        const ref = token.sid && typeof token.signedInAt === "number" ? { sid: token.sid, signedInAt: token.signedInAt } : null;
        const fresh = token.sub && ref ? await loadSessionUser(db, token.sub, ref).catch(outageAsMarker) : null;
        if (fresh === OUTAGE) return { ...session, user: undefined as never, databaseUnavailable: true };
        // A disabled or deleted user, or a session signed out on the server, is no session: an
        // expired date makes next-auth treat it as signed out.
        if (!fresh) return { ...session, user: undefined as never, expires: new Date(0).toISOString() };
        return { ...session, user: fresh };
      },
    },
    events: {
      // Signing out ends the session on the server too: a copy of the cookie kept elsewhere is
      // refused from now on. (A failure here is logged by next-auth and the cookie still cleared.)
      async signOut({ token }) {
        if (!token?.sub || !token.sid) return;
        await revokeSession(db, { userId: token.sub, sid: token.sid, endsAt: new Date(sessionEndsAt(token, sessionTimes)) });
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
