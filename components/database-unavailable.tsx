"use client";
/**
 * What the error pages show when a page failed because the database is out of reach, in the words
 * of the 503 page the proxy answers with (server/resilience/unavailable-wording.ts).
 */
import { useEffect, useState } from "react";
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE } from "@/server/resilience/unavailable-wording";

/**
 * Whether `error` was a database outage: by its digest when the app recognised it, otherwise by
 * asking the health check (a page can fail on the database somewhere the app did not expect).
 */
export function useDatabaseOutage(error: { digest?: string }): boolean {
  const known = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  const [reported, setReported] = useState(false);
  useEffect(() => {
    if (known) return;
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => {
        if (current && response.status === 503) setReported(true);
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [known, error]);
  return known || reported;
}

export function DatabaseUnavailable({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">{UNAVAILABLE.title}</h1>
      <p className="mb-4">{UNAVAILABLE.reason}</p>
      <p className="mb-4">{UNAVAILABLE.pending}</p>
      <p className="mb-4">{UNAVAILABLE.retry}</p>
      <button type="button" onClick={onRetry} className="cursor-pointer font-bold text-link underline">
        Try again
      </button>
    </div>
  );
}
