"use client";
/**
 * Revokes an API token: "Revoke", then "Yes, revoke" or "Cancel". The system using it is refused
 * from its next request.
 */
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { ConfirmedAction } from "@/components/ui/confirmed-action";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const trpc = useTRPC();
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions());
  return (
    <ConfirmedAction
      act="Revoke"
      verb="revoke"
      busyText="Revoking…"
      label={`the token ${name}`}
      groupLabel={`Confirm revoking the token ${name}`}
      failureText="Not revoked: try again."
      onConfirm={() => revoke.mutateAsync({ id: tokenId })}
    />
  );
}
