"use client";
/**
 * Shown when the root layout itself fails, which needs the database for the session: most often
 * an outage, so it says so when that is the cause. Replaces the whole page, so it has its own
 * <html> and <body>.
 */
import { useEffect } from "react";
import { DatabaseUnavailable, useDatabaseOutage } from "@/components/database-unavailable";
import { UNAVAILABLE } from "@/server/resilience/unavailable-wording";
import "./globals.css";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const outage = useDatabaseOutage(error);
  const retry = () => window.location.reload();
  return (
    <html lang="en-GB">
      <head>
        <title>{`${outage ? UNAVAILABLE.title : "Sorry, there is a problem with the service"} – Headway`}</title>
      </head>
      <body className="flex min-h-screen flex-col">
        <div className="mx-auto w-full max-w-[1020px] flex-1 px-4 pt-6 pb-16">
          <main id="main-content">
            {outage ? (
              <DatabaseUnavailable onRetry={retry} />
            ) : (
              <div className="max-w-2xl">
                <h1 className="mb-6 text-4xl">Sorry, there is a problem with the service</h1>
                <p className="mb-4">Try again in a few minutes. If the problem continues, contact your Headway administrator.</p>
                {error.digest ? <p className="mb-4 text-secondary">Reference: {error.digest}</p> : null}
                <button type="button" onClick={retry} className="cursor-pointer font-bold text-link underline">
                  Try again
                </button>
              </div>
            )}
          </main>
        </div>
      </body>
    </html>
  );
}
