import type { Metadata } from "next";
import Link from "next/link";
import { BoardPackLinks } from "@/components/snapshots/board-pack-links";
import { TakeSnapshotForm } from "@/components/snapshots/take-snapshot-form";
import { BackLink } from "@/components/ui/back-link";
import { formatDateTime } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Snapshots and board packs" };

/** The plan's snapshots: take one, see what changed since, print a board pack. */
export default async function SnapshotsPage({ params }: Params) {
  const { slug } = await params;
  const { area, plan, snapshots, earlier, viewerCan } = await loadForPage(
    getQueryClient().fetchQuery(trpc.snapshot.list.queryOptions({ slug })),
    routes.snapshots(slug),
  );
  return (
    <>
      <BackLink href={routes.area(area.slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Snapshots and board packs</h1>
      {!plan ? (
        <p>This local area has no current plan yet, so there is nothing to snapshot.</p>
      ) : (
        <>
          <p className="mb-6">
            {PLAN_TYPE[plan.type]}: {plan.title}
          </p>
          {viewerCan.exportPack ? (
            <section aria-labelledby="current-pack" className="mb-10">
              <h2 id="current-pack" className="mb-2 text-2xl">
                Board pack of the plan as it is now
              </h2>
              <p className="mb-3">
                A one-page summary (where each finding stands, the top exceptions and the forum&apos;s view), the exceptions
                with their owners&apos; commentary, a page for each finding, then the full tables and what has changed since
                the last snapshot.
              </p>
              <BoardPackLinks slug={area.slug} />
            </section>
          ) : null}
          {viewerCan.take ? <TakeSnapshotForm slug={area.slug} /> : null}
          <section aria-labelledby="snapshot-list">
            <h2 id="snapshot-list" className="mb-4 text-2xl">
              Snapshots taken
            </h2>
            {snapshots.length === 0 ? (
              <p>No snapshot has been taken of this plan yet.{viewerCan.take ? "" : " The plan lead or the adviser can take one."}</p>
            ) : (
              <Table caption="Snapshots of the plan, newest first" columns={["Label", "Taken", "By", "Board pack"]}>
                {snapshots.map((s) => (
                  <SnapshotRow key={s.id} slug={area.slug} snapshot={s} withPack={viewerCan.exportPack} />
                ))}
              </Table>
            )}
          </section>
        </>
      )}
      {earlier.length ? (
        <section aria-labelledby="earlier-snapshots" className="mt-10">
          <h2 id="earlier-snapshots" className="mb-2 text-2xl">
            Snapshots of earlier plans
          </h2>
          <p className="mb-4">
            These plans have ended; their snapshots stay as they were taken. <Link href={routes.plans(area.slug)}>See the area&apos;s plans</Link>.
          </p>
          {earlier.map((group) => (
            <div key={group.plan.id} className="mb-8">
              <Table
                captionHidden={false}
                caption={`${PLAN_TYPE[group.plan.type]}: ${group.plan.title} (${PLAN_STATUS[group.plan.status].toLowerCase()})`}
                columns={["Label", "Taken", "By", "Board pack"]}
              >
                {group.snapshots.map((s) => (
                  <SnapshotRow key={s.id} slug={area.slug} snapshot={s} withPack={viewerCan.exportPack} />
                ))}
              </Table>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}

/** One snapshot's row, of the current plan or of an ended one: its "changes since" page and its board packs. */
function SnapshotRow({ slug, snapshot: s, withPack }: { slug: string; snapshot: { id: string; label: string; takenAt: Date; takenBy: string | null }; withPack: boolean }) {
  return (
    <tr className={rowClass}>
      <th scope="row" className={`${cell} font-normal`}>
        <Link href={routes.snapshot(slug, s.id)}>
          {s.label}
          <span className="sr-only">: changes since</span>
        </Link>
      </th>
      <td className={cell}>{formatDateTime(s.takenAt)}</td>
      <td className={cell}>{s.takenBy ?? "Unknown"}</td>
      <td className={cell}>{withPack ? <BoardPackLinks slug={slug} snapshotId={s.id} of={s.label} /> : null}</td>
    </tr>
  );
}
