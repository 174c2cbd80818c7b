"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";

/**
 * After evidence changes: refetch every evidence list and queue on the page, and re-render
 * server-fetched parts (counts on the area home, the action page).
 */
export function useInvalidateEvidence() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
    router.refresh();
  };
}
