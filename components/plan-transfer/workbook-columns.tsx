/** What each sheet of the plan workbook holds: the import page's reference, from the format itself. */
import { cell, rowClass, Table } from "@/components/ui/table";
import { SHEET_NAMES, SHEETS, type Column } from "@/server/schemas/plan-workbook";

export function WorkbookColumns() {
  return (
    <details className="mb-8">
      <summary className="cursor-pointer text-link underline">What goes in the workbook</summary>
      <div className="panel-border mt-4 pl-4">
        <p className="mb-4">
          Lists inside a cell are separated by semicolons. Dates may be Excel dates, 2026-11-22 or 22/11/2026. Words such as
          &ldquo;Not started&rdquo; may be written in any case. An empty cell clears an optional value; a column left out
          leaves that value as it is. An import never deletes anything.
        </p>
        {SHEET_NAMES.map((sheet) => (
          <div key={sheet} className="mb-6">
            <Table caption={`The ${sheet} sheet`} captionHidden={false} columns={["Column", "What goes in it"]}>
              {(SHEETS[sheet] as readonly Column[]).map((c) => (
                <tr key={c.key} className={rowClass}>
                  <td className={`${cell} whitespace-nowrap font-bold`}>
                    {c.header}
                    {c.required ? <span className="font-normal text-secondary"> (required)</span> : null}
                  </td>
                  <td className={cell}>{c.note || "—"}</td>
                </tr>
              ))}
            </Table>
          </div>
        ))}
      </div>
    </details>
  );
}
