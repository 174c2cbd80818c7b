import type { Metadata } from "next";
import Link from "next/link";
import { Tag } from "@/components/ui/tag";
import { loadForPage, trpc, getQueryClient } from "@/server/api/rsc";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { AREA_ROLE, PLAN_STATUS, PLAN_TYPE, REGION } from "@/lib/labels";
import { nationalScope } from "@/server/auth/national-scope";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Your local areas" };

export default async function LocalAreasPage() {
  const areas = await loadForPage(getQueryClient().fetchQuery(trpc.area.list.queryOptions()), routes.localAreas());
  const viewer = viewerOf(await getSession());
  const national = viewer ? nationalScope(viewer) : null;
  return (
    <>
      <h1 className="mb-6 text-4xl">Your local areas</h1>
      {national ? (
        <p className="mb-6">
          <Link href={routes.national()}>National view</Link>
          {national.kind === "ALL" ? ": every local area side by side" : ": the areas you advise side by side"}
        </p>
      ) : null}
      {areas.length === 0 ? (
        <div className="panel-border py-2 pl-4">
          <p className="mb-2 font-bold">You are not a member of any local area yet.</p>
          <p>Ask the plan lead of your local area, or a Headway administrator, to add you.</p>
        </div>
      ) : (
        <ul className="border-t border-border">
          {areas.map((area) => (
            <li key={area.id} className="border-b border-border py-4">
              <h2 className="mb-1 text-2xl">
                <Link href={routes.area(area.slug)}>{area.name}</Link>
              </h2>
              <p className="text-secondary">
                {REGION[area.region]}
                {area.role ? ` · Your role: ${AREA_ROLE[area.role]}` : ""}
              </p>
              {area.currentPlan ? (
                <p className="mt-1">
                  {PLAN_TYPE[area.currentPlan.type]} <Tag colour="grey">{PLAN_STATUS[area.currentPlan.status]}</Tag>
                </p>
              ) : (
                <p className="mt-1 text-secondary">No current plan</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
