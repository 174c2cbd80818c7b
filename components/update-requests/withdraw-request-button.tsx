"use client";
/**
 * The lead withdraws an update request link nobody has used: "Withdraw link", then "Yes, withdraw"
 * or "Cancel". The link's page then tells the partner it was withdrawn.
 */
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmedAction } from "@/components/ui/confirmed-action";

export function WithdrawRequestButton({ requestId, label }: { requestId: string; label: string }) {
  const trpc = useTRPC();
  const withdraw = useMutation(trpc.updateRequest.revoke.mutationOptions());
  return (
    <ConfirmedAction
      act="Withdraw link"
      verb="withdraw"
      busyText="Withdrawing…"
      label={label}
      groupLabel={`Confirm withdrawing ${label}`}
      failureText="Not withdrawn: try again."
      className="mt-1 block"
      onConfirm={() => withdraw.mutateAsync({ id: requestId })}
    />
  );
}
