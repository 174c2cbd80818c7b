import type { Metadata } from "next";
import { AdviserNoteForm } from "@/components/adviser/adviser-note-form";
import { MonitoringNoteList } from "@/components/adviser/monitoring-note-list";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Adviser's monitoring notes" };

/** The adviser's monitoring record of the area: every note, newest first, and (for advisers) the form to add one. */
export default async function MonitoringPage({ params }: Params) {
  const { slug } = await params;
  const { area, notes, findings, viewerCan } = await loadForPage(
    getQueryClient().fetchQuery(trpc.adviser.notes.queryOptions({ slug })),
    routes.monitoring(slug),
  );
  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-4 text-4xl">Adviser&apos;s monitoring notes</h1>
      <p className="mb-8 max-w-3xl">
        Notes from the Department for Education and NHS England advisers who monitor the plan between inspections, with
        their view on the judgement each finding is likely to get. Notes are never changed: a later note gives the current
        view, and the earlier ones stay as the history.
      </p>
      {viewerCan.write ? <AdviserNoteForm slug={slug} findings={findings} /> : null}
      <h2 className="mb-4 text-2xl">All notes, newest first</h2>
      <MonitoringNoteList slug={slug} notes={notes} />
    </>
  );
}
