/**
 * Demo accounts (seeded, with passwords in the README) must never open a real deployment by
 * accident: in production they are refused unless DEMO_ACCOUNTS=true.
 */
export function demoAccountsAllowed(e: { NODE_ENV: string; DEMO_ACCOUNTS: boolean }): boolean {
  return e.NODE_ENV !== "production" || e.DEMO_ACCOUNTS;
}
