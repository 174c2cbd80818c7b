import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { PLAN_TYPE, REGION } from "@/lib/labels";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "SEND improvement plans: progress for families",
  description: "What inspectors found in each local area's support for children with SEND, what is being done, and whether it is working.",
};

/** The published areas, for families and anyone else: no sign-in. */
export default async function PublishedAreasPage() {
  const areas = await loadForPage(getQueryClient().fetchQuery(trpc.publicArea.list.queryOptions()), routes.publicAreas());
  return (
    <>
      <h1 className="mb-6 text-4xl">SEND improvement plans: progress for families</h1>
      <div className="mb-8 max-w-3xl">
        <p className="mb-4 text-xl">
          When inspectors find that a local area is not supporting children and young people with special educational
          needs and disabilities (SEND) well enough, the council and the NHS must agree a plan to put it right.
        </p>
        <p>
          Each page below shows, in plain English, what the inspectors found, what is being done about it, whether it
          is working, and what the local parent carer forum says.
        </p>
      </div>
      {areas.length === 0 ? (
        <div className="panel-border py-2 pl-4">
          <p className="mb-2 font-bold">No local area has published its progress here yet.</p>
          <p>Your council&apos;s local offer website may publish its plan and progress reports.</p>
        </div>
      ) : (
        <ul className="border-t border-border">
          {areas.map((area) => (
            <li key={area.slug} className="border-b border-border py-4">
              <h2 className="mb-1 text-2xl">
                <Link href={routes.publicArea(area.slug)}>{area.name}</Link>
              </h2>
              <p className="text-secondary">
                {REGION[area.region]}
                {area.planType ? ` · ${PLAN_TYPE[area.planType]}` : ""}
              </p>
              {area.lastUpdated ? <p className="mt-1">Last updated {formatDate(area.lastUpdated)}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
