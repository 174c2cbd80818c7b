/** Downloads of the area's current plan: the workbook, or one sheet as CSV. */
import type { SheetName } from "@/server/schemas/plan-workbook";
import { routes } from "@/lib/routes";

export function ExportLinks({ slug, sheets }: { slug: string; sheets: readonly SheetName[] }) {
  const base = routes.planExport(slug);
  return (
    <>
      <p className="mb-4">
        <a href={base} download>
          Download the plan as an Excel workbook (.xlsx)
        </a>
      </p>
      <p className="mb-4">
        <a href={routes.planExport(slug, { format: "json" })} download>
          Download the plan as JSON (plan.json)
        </a>
      </p>
      <p className="mb-2">Or one sheet as a CSV file:</p>
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        {sheets.map((sheet) => (
          <li key={sheet}>
            <a href={routes.planExport(slug, { format: "csv", sheet })} download>
              {sheet}.csv<span className="sr-only"> (the {sheet} sheet as CSV)</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="text-secondary">
        The workbook holds the owners&apos; email addresses: keep it within the partnership. Importing an export without
        changes changes nothing.
      </p>
    </>
  );
}
