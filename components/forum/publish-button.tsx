"use client";
/** The plan lead publishes a "you said, we did" entry to the public page. */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";

export function PublishButton({ entryId, label }: { entryId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.forum.publishYouSaidWeDid.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="mt-2">
      <button
        type="button"
        className={buttonClass.primary}
        disabled={publish.isPending}
        aria-label={`Publish: ${label}`}
        onClick={async () => {
          setProblem(null);
          try {
            await publish.mutateAsync({ id: entryId });
            router.refresh();
          } catch (error) {
            setProblem(errorsFrom(error, "publish")[0]?.message ?? null);
          }
        }}
      >
        {publish.isPending ? "Publishing…" : "Publish"}
      </button>
      {problem ? (
        <p role="alert" className="mt-2 font-bold text-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
