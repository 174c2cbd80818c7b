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

/** What the person who took the snapshot wrote for the board, line breaks kept, or that they wrote none. */
function BoardText({ text, none }: { text: string | null; none: string }) {
  return <p className={`mb-4 ${text ? "whitespace-pre-line" : "text-secondary"}`}>{text ?? none}</p>;
}

/** What has changed in the plan since a snapshot was taken, after what its taker wrote for the board. */
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
      <section aria-labelledby="for-the-board" className="mb-8 max-w-3xl">
        <h2 id="for-the-board" className="mb-3 text-2xl">
          For the board
        </h2>
        <h3 className="mb-1 text-xl">Key messages</h3>
        <BoardText text={snapshot.keyMessages} none="No key messages were written when this snapshot was taken." />
        <h3 className="mb-1 text-xl">Decisions the board is asked to make</h3>
        <BoardText text={snapshot.decisions} none="No decisions were written when this snapshot was taken." />
      </section>
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
