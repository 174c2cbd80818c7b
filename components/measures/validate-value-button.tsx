"use client";
/** Marks a provisional value validated, from the values table. */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";

const linkButton = "cursor-pointer text-link underline disabled:opacity-50";

export function ValidateValueButton({ valueId, label }: { valueId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const validate = useMutation(trpc.measure.setValueStatus.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="inline-flex flex-wrap gap-2">
      <button type="button" className={linkButton} disabled={validate.isPending} onClick={() => validate.mutate({ id: valueId, status: "VALIDATED" })}>
        {validate.isPending ? "Saving…" : "Mark as validated"}
        <span className="sr-only"> {label}</span>
      </button>
      <span role="status">{validate.isError ? <span className="font-bold text-error">Not saved: {validate.error.message}</span> : null}</span>
    </span>
  );
}
