"use client";
/** The plan lead's acknowledgement of one update on the action's timeline. */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";

export function AcknowledgeButton({ updateId, label }: { updateId: string; label: string }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const [problem, setProblem] = useState<string | null>(null);
  const acknowledge = useMutation(trpc.action.acknowledgeUpdate.mutationOptions());
  // Busy until the refreshed page, where the update is acknowledged, has arrived.
  const busy = acknowledge.isPending || refreshing;
  return (
    <div className="mt-2">
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={busy}
        aria-label={`Acknowledge the update of ${label}`}
        onClick={async () => {
          setProblem(null);
          try {
            await acknowledge.mutateAsync({ updateId });
            refresh();
          } catch (error) {
            setProblem(errorsFrom(error, "ack")[0]?.message ?? "That did not work. Try again.");
          }
        }}
      >
        {busy ? "Acknowledging…" : "Acknowledge"}
      </button>
      <div role="status" aria-live="polite">
        {problem ? <p className="mt-2 font-bold text-error">{problem}</p> : null}
      </div>
    </div>
  );
}
