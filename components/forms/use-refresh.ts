"use client";
/**
 * The one way a page shows its data again after a change: the page's server components read
 * everything afresh (through server/api/rsc.tsx, so through the same permission checks), and the
 * client components keep their state (messages, focus, open panels). `refreshing` is true from
 * the call until the new server data has arrived, for a pending state.
 *
 * Call `refresh()` once after a successful change, and nothing else: no query invalidation
 * alongside it, no second refresh.
 */
import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";

export function useRefresh() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);
  return { refresh, refreshing };
}
