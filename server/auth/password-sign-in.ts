/**
 * Password sign-in: for demo and break-glass accounts only. Disabled accounts never sign in;
 * demo accounts not in production unless DEMO_ACCOUNTS=true. Failed attempts are limited per
 * email and per client address (sign-in-limits.ts).
 */
import { demoAccountsAllowed } from "@/server/auth/demo-accounts";
import { verifyPassword } from "@/server/auth/password";
import { withinPasswordLimits } from "@/server/auth/sign-in-limits";
import type { PrismaClient } from "@/server/generated/prisma/client";

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
  if (!user?.passwordHash || user.disabledAt) return null;
  if (user.isDemo && !demoAccountsAllowed(settings)) return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email!, name: user.name };
}

/** What the password provider calls: checkPassword within the limits; throws SignInLimited. */
export function signInWithPassword(
  db: PrismaClient,
  attempt: { email: string; password: string; address: string | null },
  settings: { NODE_ENV: string; DEMO_ACCOUNTS: boolean },
  now = new Date(),
) {
  return withinPasswordLimits(db, attempt, () => checkPassword(db, attempt.email, attempt.password, settings), now);
}
