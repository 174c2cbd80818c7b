import type { Metadata } from "next";
import { ExportLinks } from "@/components/plan-transfer/export-links";
import { PlanImport } from "@/components/plan-transfer/plan-import";
import { TrackerImport } from "@/components/plan-transfer/tracker-import";
import { WorkbookColumns } from "@/components/plan-transfer/workbook-columns";
import { BackLink } from "@/components/ui/back-link";
import { pluralise } from "@/lib/format/plurals";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Import or export the plan" };

export default async function PlanImportPage({ params }: Params) {
  const { slug } = await params;
  // Plan leads only: anyone else gets the "no permission" page, another area's people "not found".
  const { area, plan, sheets } = await loadForPage(
    getQueryClient().fetchQuery(trpc.planTransfer.overview.queryOptions({ slug })),
    routes.planImport(slug),
  );

  return (
    <>
      <BackLink href={routes.area(area.slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-4 text-4xl">Import or export the plan</h1>
      <p className="mb-8 max-w-2xl">
        {plan
          ? `The current plan is the ${PLAN_TYPE[plan.type].toLowerCase()} “${plan.title}” (${PLAN_STATUS[plan.status].toLowerCase()}): ${pluralise(plan.findings, "finding")}, ${pluralise(plan.actions, "action")} and ${pluralise(plan.measures, "measure")}.`
          : `${area.name} has no current plan. Import a workbook whose Plan sheet gives the plan type to start one.`}
      </p>

      <section aria-labelledby="export-heading" className="mb-12">
        <h2 id="export-heading" className="mb-4 text-2xl">
          Export
        </h2>
        <ExportLinks slug={area.slug} sheets={sheets} />
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className="mb-4 text-2xl">
          Import
        </h2>
        <p className="mb-4 max-w-2xl">
          Check the file first: you will see what it would create and update, and any problems, before anything changes. Rows
          are matched to the plan by their refs; an import never deletes anything.
        </p>
        <WorkbookColumns />
        <PlanImport into={{ slug: area.slug, areaName: area.name }} />
      </section>

      <section aria-labelledby="tracker-heading" className="mt-12">
        <h2 id="tracker-heading" className="mb-4 text-2xl">
          Import your own tracker
        </h2>
        <p className="mb-4 max-w-2xl">
          Keep your plan in a spreadsheet of your own? Upload it as it is: you choose which of its columns is the finding, the
          action, its lead officer, its date and so on, then check and apply the import as for a workbook. Headway remembers
          your choices for the next upload.
        </p>
        <TrackerImport slug={area.slug} areaName={area.name} />
      </section>
    </>
  );
}
