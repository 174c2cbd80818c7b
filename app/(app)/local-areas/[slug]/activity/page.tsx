import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilters } from "@/components/history/activity-filters";
import { HistoryList } from "@/components/history/history-list";
import { BackLink } from "@/components/ui/back-link";
import { pluralise } from "@/lib/format/plurals";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { activityFiltersFrom, moreShown, shownFrom } from "@/server/schemas/history";
import { routes, type ActivityQuery } from "@/lib/routes";

type Params = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Activity" };

/** Every change in the area, by anyone, newest first, filtered by person, kind of record and dates: its LEAD and ADVISER. */
export default async function ActivityPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const query = await searchParams;
  const { filters, errors } = activityFiltersFrom(query);
  const shown = shownFrom(query);
  const activity = await loadForPage(
    getQueryClient().fetchQuery(trpc.history.activity.queryOptions({ slug, ...filters, limit: shown })),
    routes.activity(slug),
  );
  // The filters as the address carries them, without the empty ones.
  const address: ActivityQuery = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ""));
  const more = moreShown(shown);
  const filtered = Object.keys(address).length > 0;

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {activity.area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{activity.area.name}</p>
      <h1 className="mb-4 text-4xl">Activity</h1>
      <p className="mb-6 max-w-3xl">
        Every change made to the plan and its records in this area, newest first: who made it, when, and each field as it was
        before and after.
      </p>
      <ActivityFilters slug={slug} activity={activity} errors={errors} />
      <p className="mb-6">
        <a href={routes.activityCsv(slug, address)} download>
          Download {filtered ? "these changes" : "all changes"} as CSV
        </a>
      </p>
      <h2 className="mb-2 text-2xl">{filtered ? "Changes that match the filters" : "All changes"}</h2>
      {activity.events.length === 0 ? (
        <p className="mb-8">{filtered ? "No changes match these filters." : "Nothing has been changed in this area yet."}</p>
      ) : (
        <>
          <p className="mb-2 text-secondary">
            Showing the newest {pluralise(activity.events.length, "change")}
            {activity.hasMore ? "" : ": that is all of them"}.
          </p>
          <HistoryList events={activity.events} label="Changes in the area, newest first" showRecord />
        </>
      )}
      {activity.hasMore ? (
        <p className="mb-8">
          {more ? (
            <Link href={routes.activity(slug, { ...address, shown: more })}>Show more changes</Link>
          ) : (
            `Only the newest ${activity.limit} changes are shown on one page: download the CSV for the rest.`
          )}
        </p>
      ) : null}
    </>
  );
}
