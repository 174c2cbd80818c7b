"use client";
import { useEffect } from "react";
import { DatabaseUnavailable, useDatabaseOutage } from "@/components/database-unavailable";

/** Shown when a page fails unexpectedly: nothing the person typed has been saved twice or lost. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const outage = useDatabaseOutage(error);
  // The page itself must come again from the server: reload rather than reset().
  if (outage) return <DatabaseUnavailable onRetry={() => window.location.reload()} />;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Try again in a few minutes. If the problem continues, contact your Headway administrator.</p>
      {error.digest ? <p className="mb-4 text-secondary">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="cursor-pointer font-bold text-link underline">
        Try again
      </button>
    </div>
  );
}
