/** The result of checking a plan workbook: problems, warnings, and what would be created and updated. */
import { formatFigure } from "@/lib/format/measure-value";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass, Table } from "@/components/ui/table";
import type { ImportCheck } from "@/server/schemas/plan-transfer";

export type { ImportCheck };
type Issue = ImportCheck["errors"][number];
type Change = ImportCheck["changes"][number];

const ENTITY: Record<Change["entity"], [one: string, many: string]> = {
  LocalArea: ["Local area", "Local areas"],
  Organisation: ["Organisation", "Organisations"],
  Inspection: ["Inspection", "Inspections"],
  Plan: ["Plan", "Plans"],
  Finding: ["Finding", "Findings"],
  Action: ["Action", "Actions"],
  Measure: ["Measure", "Measures"],
  Milestone: ["Milestone", "Milestones"],
  Value: ["Measure value", "Measure values"],
};

function IssueTable({ caption, issues, kind }: { caption: string; issues: Issue[]; kind: "Problem" | "Warning" }) {
  return (
    <Table caption={caption} columns={["Sheet", "Row", "Column", kind]}>
      {issues.map((i, n) => (
        <tr key={`${i.sheet}-${i.row}-${i.column}-${n}`} className={rowClass}>
          <td className={cell}>{i.sheet || "The file"}</td>
          <td className={cell}>{i.row > 0 ? i.row : "—"}</td>
          <td className={cell}>{i.column || "—"}</td>
          <td className={cell}>{i.message}</td>
        </tr>
      ))}
    </Table>
  );
}

/** "New", "Updated: Status", or for a measure's figure "Updated: Value, 41.5 replaced by 45". */
function describeChange(c: Change): string {
  if (c.kind === "create") return "New";
  const updated = `Updated: ${(c.fields ?? []).join(", ")}`;
  return c.replaces ? `${updated}; ${formatFigure(c.replaces.before)} replaced by ${formatFigure(c.replaces.after)}` : updated;
}

const shownOf = (shown: number, total: number, what: string) =>
  shown < total ? <p className="mb-2 text-secondary">{`Showing the first ${shown} of ${total} ${what}.`}</p> : null;

/** `idPrefix` keeps the headings' ids apart when two reports can be on one page (a workbook's and a tracker's). */
export function ImportReport({ check, idPrefix = "import" }: { check: ImportCheck; idPrefix?: string }) {
  const { errors, warnings, changes, errorCount, warningCount, changeCount, summary } = check;
  return (
    <>
      {errorCount > 0 ? (
        <section aria-labelledby={`${idPrefix}-problems`} className="mb-8 border-[5px] border-error p-4">
          <h3 id={`${idPrefix}-problems`} className="mb-2 text-xl">
            {pluralise(errorCount, "problem")} in the file
          </h3>
          <p className="mb-4">Nothing can be imported until they are fixed. Correct the file, then check it again.</p>
          {shownOf(errors.length, errorCount, "problems")}
          <IssueTable caption="Problems in the file" issues={errors} kind="Problem" />
        </section>
      ) : null}

      {warningCount > 0 ? (
        <section aria-labelledby={`${idPrefix}-warnings`} className="mb-8">
          <h3 id={`${idPrefix}-warnings`} className="mb-2 text-xl">
            {pluralise(warningCount, "warning")}
          </h3>
          <p className="mb-4">These do not stop the import; check they are what you expect.</p>
          {shownOf(warnings.length, warningCount, "warnings")}
          <IssueTable caption="Warnings about the file" issues={warnings} kind="Warning" />
        </section>
      ) : null}

      <section aria-labelledby={`${idPrefix}-changes`} className="mb-8">
        <h3 id={`${idPrefix}-changes`} className="mb-2 text-xl">
          {errorCount > 0 ? "What the rows without problems would change" : "What importing would change"}
        </h3>
        {changeCount === 0 ? (
          <p>{errorCount > 0 ? "Nothing yet." : "Nothing: the file matches the plan."}</p>
        ) : (
          <>
            <ul className="mb-4 list-disc pl-6">
              {Object.entries(summary.byEntity).map(([entity, n]) => {
                const [one, many] = ENTITY[entity as Change["entity"]];
                const parts = [n.created ? `${n.created} new` : null, n.updated ? `${n.updated} updated` : null].filter(Boolean);
                return <li key={entity}>{`${n.created + n.updated === 1 ? one : many}: ${parts.join(", ")}`}</li>;
              })}
            </ul>
            {shownOf(changes.length, changeCount, "changes")}
            <Table caption="Records the import would create or update" columns={["Record", "Ref or name", "Change"]}>
              {changes.map((c, n) => (
                <tr key={`${c.entity}-${c.key}-${n}`} className={rowClass}>
                  <td className={cell}>{ENTITY[c.entity][0]}</td>
                  <td className={cell}>{c.key}</td>
                  <td className={cell}>{describeChange(c)}</td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>
    </>
  );
}
