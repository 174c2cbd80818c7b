"use client";
/** The plan lead publishes a "you said, we did" entry to the public page. */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";

export function PublishButton({ entryId, label }: { entryId: string; label: string }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const publish = useMutation(trpc.forum.publishYouSaidWeDid.mutationOptions());
  // Busy until the refreshed page, where the entry is published, has arrived.
  const busy = publish.isPending || refreshing;
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="mt-2">
      <button
        type="button"
        className={buttonClass.primary}
        disabled={busy}
        aria-label={`Publish: ${label}`}
        onClick={async () => {
          setProblem(null);
          try {
            await publish.mutateAsync({ id: entryId });
            refresh();
          } catch (error) {
            setProblem(errorsFrom(error, "publish")[0]?.message ?? null);
          }
        }}
      >
        {busy ? "Publishing…" : "Publish"}
      </button>
      {problem ? (
        <p role="alert" className="mt-2 font-bold text-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
