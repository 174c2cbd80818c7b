import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import { routes } from "@/lib/routes";
import { getQueryClient, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Service status" };

// Checked afresh on every visit: an answer kept from earlier would say nothing about now.
export const dynamic = "force-dynamic";

/**
 * Whether Headway is working, for people: the JSON at /api/health stays for monitoring tools. While
 * the database is out of reach after a failure, every page (this one too) is the "unavailable for
 * a moment" page, which says the same thing.
 */
export default async function StatusPage() {
  const status = await getQueryClient().fetchQuery({ ...trpc.publicArea.serviceStatus.queryOptions(), staleTime: 0 });
  const ok = status.databaseReachable;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-4xl">Service status</h1>
      <div className={`mb-6 border-l-[10px] p-4 ${ok ? "border-success bg-[#cce2d8]" : "border-error bg-[#f4cdc6]"}`}>
        <p className="mb-0 text-2xl font-bold">{ok ? "Headway is working normally." : "Headway is having problems."}</p>
        {ok ? null : (
          <p className="mt-2 mb-0">
            Pages may not load for a moment. Changes that were saved are safe. Try again in a few minutes.
          </p>
        )}
      </div>
      <dl className="mb-6 border-t border-border">
        <div className="border-b border-border py-2.5 sm:flex sm:gap-5">
          <dt className="font-bold sm:w-1/3">Website</dt>
          <dd className="sm:w-2/3">Up: it answered this page.</dd>
        </div>
        <div className="border-b border-border py-2.5 sm:flex sm:gap-5">
          <dt className="font-bold sm:w-1/3">Database</dt>
          <dd className="sm:w-2/3">{ok ? `Reachable: it answered in ${status.responseMs} ms.` : "Not reachable: it did not answer."}</dd>
        </div>
        <div className="border-b border-border py-2.5 sm:flex sm:gap-5">
          <dt className="font-bold sm:w-1/3">Checked</dt>
          <dd className="sm:w-2/3">
            <time dateTime={status.checkedAt.toISOString()}>{formatDateTime(status.checkedAt)}</time> (UK time)
          </dd>
        </div>
      </dl>
      <p className="mb-4">
        <Link href={routes.status()}>Check again</Link>
      </p>
      <p className="text-secondary">
        For monitoring tools, <a href="/api/health">/api/health</a> gives the same answer as JSON, with status 200 when the
        database answers and 503 when it does not.
      </p>
    </div>
  );
}
