"use client";
/**
 * Revokes an API token: "Revoke", then "Yes, revoke" or "Cancel". The system using it is refused
 * from its next request.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";

const linkButton = "cursor-pointer text-link underline disabled:opacity-50";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions());
  // Still "Revoking…" until the refreshed page, with the token revoked, has arrived.
  const busy = revoke.isPending || refreshing;
  return (
    <span className="block">
      {!confirming ? (
        <button type="button" className={linkButton} onClick={() => setConfirming(true)}>
          Revoke<span className="sr-only"> the token {name}</span>
        </button>
      ) : (
        <span role="group" aria-label={`Confirm revoking the token ${name}`} className="inline-flex flex-wrap gap-3">
          <button
            type="button"
            autoFocus
            className={`${linkButton} font-bold text-error!`}
            disabled={busy}
            onClick={async () => {
              setProblem(null);
              try {
                await revoke.mutateAsync({ id: tokenId });
                refresh();
              } catch (error) {
                setProblem(errorsFrom(error, "revoke")[0]?.message ?? "Not revoked: try again.");
              }
            }}
          >
            {busy ? "Revoking…" : "Yes, revoke"}
            <span className="sr-only"> the token {name}</span>
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
