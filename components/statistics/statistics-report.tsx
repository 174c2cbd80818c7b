/**
 * What a statistics file holds and what importing it does (or would do): rows read, figures kept
 * by level and period, what is new or changed, rows left out and why, and every row refused with
 * the reason, named by its row as a spreadsheet numbers it.
 */
import { cell, rowClass, Table } from "@/components/ui/table";
import { pluralise } from "@/lib/format/plurals";
import type { StatisticsImportReport } from "@/server/schemas/statistics";

export function StatisticsReport({ report }: { report: StatisticsImportReport }) {
  const neighbours = report.target.key === "statistical-neighbours";
  return (
    <div>
      <dl className="mb-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">File</dt>
        <dd className="break-all">{report.file}</dd>
        <dt className="font-bold">For</dt>
        <dd>{report.target.name}</dd>
        <dt className="font-bold">Rows read</dt>
        <dd>{report.rowsRead.toLocaleString("en-GB")}</dd>
        <dt className="font-bold">{neighbours ? "Authorities with ten neighbours" : "Figures kept"}</dt>
        <dd>
          {report.loaded.toLocaleString("en-GB")}
          {neighbours
            ? null
            : ` (England ${report.levels.national}, regions ${report.levels.regional}, local authorities ${report.levels.localAuthority.toLocaleString("en-GB")})`}
        </dd>
        {report.periods.length ? (
          <>
            <dt className="font-bold">Periods</dt>
            <dd>{report.periods.join(", ")}</dd>
          </>
        ) : null}
        {report.refusedCount === 0 ? (
          <>
            <dt className="font-bold">{report.status === "checked" ? "Would be new" : "New"}</dt>
            <dd>{report.added.toLocaleString("en-GB")}</dd>
            <dt className="font-bold">{report.status === "checked" ? "Would change" : "Changed"}</dt>
            <dd>{report.changed.toLocaleString("en-GB")}</dd>
            <dt className="font-bold">Already held</dt>
            <dd>{report.unchanged.toLocaleString("en-GB")}</dd>
          </>
        ) : null}
        {report.measuresUpdated ? (
          <>
            <dt className="font-bold">Linked measures redrawn</dt>
            <dd>{report.measuresUpdated}</dd>
          </>
        ) : null}
      </dl>
      {report.skipped.length ? (
        <div className="mb-6">
          <Table caption="Rows left out" captionHidden={false} columns={["Why", "Rows"]}>
            {report.skipped.map((s) => (
              <tr key={s.reason} className={rowClass}>
                <td className={cell}>{s.reason}</td>
                <td className={cell}>{s.rows.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {report.refusedCount ? (
        <div className="mb-6">
          <p className="mb-2 font-bold text-error">
            {pluralise(report.refusedCount, "row")} refused, so nothing is imported. Correct {report.refusedCount === 1 ? "it" : "them"} (or the column
            choices) and try again.
            {report.refusedCount > report.refused.length ? ` The first ${report.refused.length} are listed.` : ""}
          </p>
          <Table caption="Rows refused" captionHidden={false} columns={["Row", "Why"]}>
            {report.refused.map((r) => (
              <tr key={`${r.row}-${r.message}`} className={rowClass}>
                <td className={cell}>{r.row}</td>
                <td className={cell}>{r.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
    </div>
  );
}
