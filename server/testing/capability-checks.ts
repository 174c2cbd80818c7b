/**
 * Which capabilities a call actually checked: the permission table reports every look at it
 * (server/auth/permissions.ts, observeCapabilityChecks) and this collects them for the call being
 * watched, through AsyncLocalStorage, so that a check is put down to the call that made it. The
 * procedure walk compares them with the guard the procedure declares. Test code only.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { observeCapabilityChecks, type AreaCapability, type CapabilityCheck, type GlobalCapability } from "@/server/auth/permissions";

const current = new AsyncLocalStorage<CapabilityCheck[]>();
observeCapabilityChecks((check) => current.getStore()?.push(check));

/** Runs `call`, noting every capability check made on its behalf (even when it throws). */
export async function watchingChecks<T>(call: () => Promise<T>): Promise<{ checks: CapabilityCheck[]; run: Promise<T> }> {
  const checks: CapabilityCheck[] = [];
  const run = current.run(checks, call);
  // Settled here, so that `checks` is complete; the caller awaits `run` for the outcome.
  await run.catch(() => undefined);
  return { checks, run };
}

/** What a call's checks come to. */
export type CheckSummary = {
  /** Area capabilities that could stop the call: required (refused unless held) or scoped (found only where held). */
  enforced: Set<AreaCapability>;
  /** Area capabilities only asked about (viewerCan flags, or a check the service acts on itself). */
  asked: Set<AreaCapability>;
  /** Global capabilities checked. */
  global: Set<GlobalCapability>;
  /** The last check that said no, which a refusal follows from. */
  lastDenied: AreaCapability | GlobalCapability | undefined;
};

export function summarise(checks: CapabilityCheck[]): CheckSummary {
  const summary: CheckSummary = { enforced: new Set(), asked: new Set(), global: new Set(), lastDenied: undefined };
  for (const check of checks) {
    if (check.how === "global") summary.global.add(check.capability);
    else if (check.how === "ask") summary.asked.add(check.capability);
    else summary.enforced.add(check.capability);
    if (check.how !== "scope" && !check.granted) summary.lastDenied = check.capability;
  }
  return summary;
}
