/**
 * Password sign-in: for demo and break-glass accounts only. Disabled accounts never sign in;
 * demo accounts not in production unless DEMO_ACCOUNTS=true. Failed attempts are limited per
 * email and per client address (sign-in-limits.ts).
 */
import { randomBytes } from "node:crypto";
import { demoAccountsAllowed } from "@/server/auth/demo-accounts";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { withinPasswordLimits } from "@/server/auth/sign-in-limits";
import type { PrismaClient } from "@/server/generated/prisma/client";

/**
 * A hash of nothing anyone knows, with the same parameters as real ones: checked against when
 * there is no account to check, so an unknown address takes as long as a known one. Made when
 * the module loads, so the first unknown address does not pay for it.
 */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(32).toString("base64url")));
void dummy();

export async function checkPassword(
  db: PrismaClient,
  email: string,
  password: string,
  settings: { NODE_ENV: string; DEMO_ACCOUNTS: boolean },
): Promise<{ id: string; email: string; name: string | null } | null> {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, isDemo: true, disabledAt: true },
  });
  const usable = user?.passwordHash && !user.disabledAt && (!user.isDemo || demoAccountsAllowed(settings)) ? user : null;
  // Exactly one argon2 verification whatever the account: no account, a disabled one or one
  // without a password answers no sooner than a wrong password would.
  const right = await verifyPassword(password, usable ? usable.passwordHash! : await dummy());
  return usable && right ? { id: usable.id, email: usable.email!, name: usable.name } : null;
}

/** What the password provider calls: checkPassword within the limits; throws SignInLimited. */
export function signInWithPassword(
  db: PrismaClient,
  attempt: { email: string; password: string; address: string | null },
  settings: { NODE_ENV: string; DEMO_ACCOUNTS: boolean },
  now = new Date(),
  wait?: (ms: number) => Promise<unknown>,
) {
  return withinPasswordLimits(db, attempt, () => checkPassword(db, attempt.email, attempt.password, settings), now, wait);
}
