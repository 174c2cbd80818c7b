import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardPackLinks } from "@/components/snapshots/board-pack-links";
import { ChangesSince, changesSummary } from "@/components/snapshots/changes-since";
import { BackLink } from "@/components/ui/back-link";
import { formatDateTime } from "@/lib/format/dates";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string; snapshotId: string }> };

async function load(slug: string, snapshotId: string) {
  const result = await loadForPage(
    getQueryClient().fetchQuery(trpc.snapshot.changesSince.queryOptions({ id: snapshotId })),
    routes.snapshot(slug, snapshotId),
  );
  // The address must name the snapshot's own area.
  if (result.area.slug !== slug) notFound();
  return result;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, snapshotId } = await params;
  const { snapshot } = await load(slug, snapshotId);
  return { title: `Changes since ${snapshot.label}` };
}

/** What has changed in the plan since a snapshot was taken. */
export default async function ChangesSincePage({ params }: Params) {
  const { slug, snapshotId } = await params;
  const { snapshot, area, changes, total, viewerCan } = await load(slug, snapshotId);
  return (
    <>
      <BackLink href={routes.snapshots(slug)}>Back to snapshots</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-2 text-4xl">Changes since “{snapshot.label}”</h1>
      <p className="mb-2">
        Snapshot taken {formatDateTime(snapshot.takenAt)}
        {snapshot.takenBy ? ` by ${snapshot.takenBy}` : ""}.
      </p>
      <p className="mb-6 text-xl font-bold">{changesSummary(total)}</p>
      {viewerCan.exportPack ? (
        <div className="mb-8">
          <h2 className="mb-2 text-xl">Board pack of this snapshot</h2>
          <BoardPackLinks slug={slug} snapshotId={snapshot.id} />
        </div>
      ) : null}
      <ChangesSince changes={changes} slug={slug} />
    </>
  );
}
