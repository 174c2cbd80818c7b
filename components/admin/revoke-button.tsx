"use client";
/** Removing a role takes a second, deliberate click: "Remove", then "Yes, remove" or "Cancel". */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";

const linkButton = "cursor-pointer text-link underline disabled:opacity-50";

export function RevokeButton({ membershipId, label }: { membershipId: string; label: string }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(trpc.admin.revokeMembership.mutationOptions({ onSuccess: () => refresh() }));
  if (!confirming) {
    return (
      <button type="button" className={linkButton} onClick={() => setConfirming(true)}>
        Remove<span className="sr-only"> {label}</span>
      </button>
    );
  }
  // Still "Removing…" until the refreshed page, without this role, has arrived.
  const busy = revoke.isPending || refreshing;
  return (
    <span role="group" aria-label={`Confirm removing ${label}`} className="ml-1 inline-flex flex-wrap gap-3">
      <button type="button" autoFocus className={`${linkButton} font-bold text-error!`} disabled={busy} onClick={() => revoke.mutate({ membershipId })}>
        {busy ? "Removing…" : "Yes, remove"}
        <span className="sr-only"> {label}</span>
      </button>
      <button type="button" className={linkButton} disabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {revoke.isError ? <span className="font-bold text-error">Not removed: try again</span> : null}
    </span>
  );
}
