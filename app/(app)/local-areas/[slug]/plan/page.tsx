import type { Metadata } from "next";
import Link from "next/link";
import { AddOrganisationForm } from "@/components/plan/add-organisation-form";
import { OrganisationTable } from "@/components/plan/organisation-table";
import { PlanDetailsForm } from "@/components/plan/plan-details-form";
import { RecordInspectionForm } from "@/components/plan/record-inspection-form";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { FINDING_KIND, INSPECTION_FRAMEWORK, INSPECTION_KIND } from "@/lib/labels";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Build the plan" };

/** The lead's plan editor: details, findings (each with its actions), organisations, inspections. */
export default async function PlanEditorPage({ params }: Params) {
  const { slug } = await params;
  const { area, plan, findings, inspections, organisations } = await loadForPage(
    getQueryClient().fetchQuery(trpc.plan.settings.queryOptions({ slug })),
    routes.plan(slug),
  );

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <h1 className="mb-6 text-4xl">Build the plan</h1>
      {plan ? (
        <nav aria-label="Plan editor" className="mb-8">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li><a href="#findings">Findings and actions</a></li>
            <li><Link href={routes.measures(slug)}>Measures</Link></li>
            <li><a href="#organisations">Organisations</a></li>
            <li><a href="#inspections">Inspections</a></li>
            <li><Link href={routes.planImport(slug)}>Import or export a workbook</Link></li>
            <li><Link href={routes.apiTokens(slug)}>API tokens</Link></li>
            <li><Link href={routes.plans(slug)}>The area&apos;s plans</Link></li>
          </ul>
        </nav>
      ) : null}

      <section className="mb-12">
        <PlanDetailsForm slug={slug} plan={plan} inspections={inspections} />
      </section>

      {plan ? (
        <section id="findings" aria-labelledby="findings-heading" className="mb-12">
          <h2 id="findings-heading" className="mb-4 text-2xl">
            Findings and actions
          </h2>
          {findings.length === 0 ? (
            <p className="mb-4">No findings yet. Add each area of weakness or priority action from the inspection letter.</p>
          ) : (
            <Table caption="Findings" columns={["Ref", "Finding", "Actions", "Measures", "Change"]}>
              {findings.map((f) => (
                <tr key={f.id} className={rowClass}>
                  <td className={cell}>{f.ref}</td>
                  <td className={cell}>
                    <span className="block text-secondary">{FINDING_KIND[f.kind]}</span>
                    {findingTitle(f)}
                  </td>
                  <td className={cell}>{f._count.actions}</td>
                  <td className={cell}>{f._count.measures}</td>
                  <td className={cell}>
                    <ul>
                      <li>
                        <Link href={routes.findingEdit(slug, f.id)}>
                          Edit<span className="sr-only"> finding {f.ref}</span>
                        </Link>
                      </li>
                      <li>
                        <Link href={routes.actionNew(slug, { finding: f.id })}>
                          Add an action<span className="sr-only"> to finding {f.ref}</span>
                        </Link>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <p className="mt-6">
            <Link href={routes.findingNew(slug)} className="font-bold">
              Add a finding
            </Link>
          </p>
        </section>
      ) : null}

      <section id="organisations" aria-labelledby="organisations-heading" className="mb-12">
        <h2 id="organisations-heading" className="mb-4 text-2xl">
          Organisations
        </h2>
        {organisations.length === 0 ? (
          <p className="mb-4">No organisations yet. Add the council, the ICB and the partners who lead or support actions.</p>
        ) : (
          <OrganisationTable organisations={organisations} />
        )}
        <div className="mt-8">
          <AddOrganisationForm slug={slug} />
        </div>
      </section>

      <section id="inspections" aria-labelledby="inspections-heading" className="mb-12">
        <h2 id="inspections-heading" className="mb-4 text-2xl">
          Inspections
        </h2>
        {inspections.length === 0 ? (
          <p className="mb-4">No inspections recorded yet.</p>
        ) : (
          <Table caption="Inspections of this area" columns={["Kind", "Framework", "Dates", "Report"]}>
            {inspections.map((i) => (
              <tr key={i.id} className={rowClass}>
                <td className={cell}>{INSPECTION_KIND[i.kind]}</td>
                <td className={cell}>{INSPECTION_FRAMEWORK[i.framework]}</td>
                <td className={cell}>
                  {i.startDate
                    ? `${formatDate(i.startDate)}${i.endDate ? ` to ${formatDate(i.endDate)}` : ""}`
                    : i.expectedDate
                      ? `Expected ${formatDate(i.expectedDate)}`
                      : "Not known"}
                </td>
                <td className={cell}>
                  {i.reportUrl ? (
                    <a href={i.reportUrl}>
                      Report<span className="sr-only"> of the {INSPECTION_KIND[i.kind].toLowerCase()}</span>
                    </a>
                  ) : (
                    "Not published"
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
        <div className="mt-8">
          <RecordInspectionForm slug={slug} />
        </div>
      </section>
    </>
  );
}
