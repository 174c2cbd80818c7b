/** "Changes since" a snapshot, section by section, each with its empty state. */
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass, Table } from "@/components/ui/table";
import { AdviserViewTag, VerdictTag } from "@/components/ui/tag";
import { CHANGED_FIELD, describeValue } from "@/lib/change-words";
import { EVIDENCE_KIND, VISIBILITY } from "@/lib/labels";
import type { PlanChanges } from "@/server/domain/plan-changes";
import { routes } from "@/lib/routes";

function Section({ id, title, count, children, empty }: { id: string; title: string; count: number; children: React.ReactNode; empty: string }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-3 text-2xl">
        {title} <span className="text-secondary">({count})</span>
      </h2>
      {count === 0 ? <p>{empty}</p> : children}
    </section>
  );
}

export function ChangesSince({ changes, slug }: { changes: PlanChanges; slug: string }) {
  return (
    <>
      <Section id="changed-actions" title="Actions that changed" count={changes.actions.length} empty="No action's status, RAG, progress or dates changed.">
        <Table caption="Actions that changed, with each change" columns={["Action", "What changed"]}>
          {changes.actions.map((a) => (
            <tr key={a.id} className={rowClass}>
              <th scope="row" className={`${cell} font-normal`}>
                <a href={routes.action(slug, a.id)}>
                  {a.ref} {a.title}
                </a>
              </th>
              <td className={cell}>
                <ul>
                  {a.changes.map((c) => (
                    <li key={c.field}>
                      {CHANGED_FIELD[c.field]}: {describeValue(c.field, c.from)} <span aria-hidden="true">→</span>
                      <span className="sr-only">changed to</span> {describeValue(c.field, c.to)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </Table>
      </Section>
      {changes.newActions.length + changes.removedActions.length > 0 ? (
        <Section id="added-actions" title="Actions added or removed" count={changes.newActions.length + changes.removedActions.length} empty="">
          <ul className="list-disc pl-6">
            {changes.newActions.map((a) => (
              <li key={a.id}>
                Added: <a href={routes.action(slug, a.id)}>{a.ref} {a.title}</a>
              </li>
            ))}
            {changes.removedActions.map((a) => (
              <li key={a.id}>
                Removed: {a.ref} {a.title}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="new-evidence" title="New evidence" count={changes.evidence.length} empty="No evidence has been added.">
        <Table caption="Evidence added since the snapshot" columns={["Evidence", "On", "Kind", "Who can see it", "Added"]}>
          {changes.evidence.map((e) => (
            <tr key={e.id} className={rowClass}>
              <th scope="row" className={`${cell} font-normal`}>
                {e.title}
              </th>
              <td className={cell}>{e.on}</td>
              <td className={cell}>{EVIDENCE_KIND[e.kind]}</td>
              <td className={cell}>{VISIBILITY[e.visibility]}</td>
              <td className={cell}>{formatDateTime(e.createdAt)}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section id="new-values" title="New measure values" count={changes.measureValues.length} empty="No measure value has been added or revised.">
        <Table caption="Measure values added or revised since the snapshot" columns={["Measure", "Period ending", "Value", "Before"]}>
          {changes.measureValues.map((v) => (
            <tr key={`${v.measureId}:${v.date}`} className={rowClass}>
              <th scope="row" className={`${cell} font-normal`}>
                {v.measureRef} {v.measureName}
              </th>
              <td className={cell}>{formatDate(v.date)}</td>
              <td className={cell}>{v.value}</td>
              <td className={cell}>{v.previous === null ? "New" : `Revised from ${v.previous}`}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section id="new-verdicts" title="New forum verdicts" count={changes.verdicts.length} empty="The parent carer forum has given no new verdict.">
        <ul>
          {changes.verdicts.map((v) => (
            <li key={v.id} className="mb-4 border-l-4 border-border pl-4">
              <p className="mb-1">
                <VerdictTag verdict={v.verdict} /> on {v.on}, {formatDate(v.createdAt)}
              </p>
              <p className="whitespace-pre-line">{v.text}</p>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="new-notes" title="New adviser notes" count={changes.adviserNotes.length} empty="No new adviser note, or none you can see.">
        <ul>
          {changes.adviserNotes.map((n) => (
            <li key={n.id} className="mb-4 border-l-4 border-border pl-4">
              <p className="mb-1">
                {n.view ? <AdviserViewTag view={n.view} /> : null} {n.findingRef ? `Finding ${n.findingRef}` : "The whole area"}, {formatDate(n.date)}
              </p>
              <p className="whitespace-pre-line">{n.note}</p>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

export function changesSummary(total: number) {
  return total === 0 ? "Nothing has changed." : `${pluralise(total, "change")}.`;
}
