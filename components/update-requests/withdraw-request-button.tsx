"use client";
/**
 * The lead withdraws an update request link nobody has used: "Withdraw link", then "Yes, withdraw"
 * or "Cancel". The link's page then tells the partner it was withdrawn.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";

const linkButton = "cursor-pointer text-link underline disabled:opacity-50";

export function WithdrawRequestButton({ requestId, label }: { requestId: string; label: string }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const withdraw = useMutation(trpc.updateRequest.revoke.mutationOptions());
  // Still "Withdrawing…" until the refreshed page, with the link withdrawn, has arrived.
  const busy = withdraw.isPending || refreshing;
  return (
    <span className="mt-1 block">
      {!confirming ? (
        <button type="button" className={linkButton} onClick={() => setConfirming(true)}>
          Withdraw link<span className="sr-only"> {label}</span>
        </button>
      ) : (
        <span role="group" aria-label={`Confirm withdrawing ${label}`} className="inline-flex flex-wrap gap-3">
          <button
            type="button"
            autoFocus
            className={`${linkButton} font-bold text-error!`}
            disabled={busy}
            onClick={async () => {
              setProblem(null);
              try {
                await withdraw.mutateAsync({ id: requestId });
                refresh();
              } catch (error) {
                setProblem(errorsFrom(error, "withdraw")[0]?.message ?? "Not withdrawn: try again.");
              }
            }}
          >
            {busy ? "Withdrawing…" : "Yes, withdraw"}
            <span className="sr-only"> {label}</span>
          </button>
          <button type="button" className={linkButton} disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      )}
      <span role="status" aria-live="polite">
        {problem ? <span className="block font-bold text-error">{problem}</span> : null}
      </span>
    </span>
  );
}
