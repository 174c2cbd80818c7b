"use client";
/** Marks a provisional value validated, from the values table. */
import { useMutation } from "@tanstack/react-query";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";

const linkButton = "cursor-pointer text-link underline disabled:opacity-50";

export function ValidateValueButton({ valueId, label }: { valueId: string; label: string }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const validate = useMutation(trpc.measure.setValueStatus.mutationOptions({ onSuccess: () => refresh() }));
  // Busy until the refreshed page, where the value is validated, has arrived.
  const busy = validate.isPending || refreshing;
  return (
    <span className="inline-flex flex-wrap gap-2">
      <button type="button" className={linkButton} disabled={busy} onClick={() => validate.mutate({ id: valueId, status: "VALIDATED" })}>
        {busy ? "Saving…" : "Mark as validated"}
        <span className="sr-only"> {label}</span>
      </button>
      <span role="status">{validate.isError ? <span className="font-bold text-error">Not saved: {validate.error.message}</span> : null}</span>
    </span>
  );
}
