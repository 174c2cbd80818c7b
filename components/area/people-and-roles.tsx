/**
 * "People and roles", on the area home for its leads: who holds which role, and the recent changes
 * to those roles with who made each. Administrators give the roles; the leads see every change.
 */
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { AREA_ROLE } from "@/lib/labels";
import type { RouterOutputs } from "@/components/trpc/outputs";

type AreaPeople = RouterOutputs["area"]["people"];

function changeText(c: AreaPeople["changes"][number]): string {
  const role = (r: keyof typeof AREA_ROLE | null) => (r ? AREA_ROLE[r].toLowerCase() : "a role");
  if (c.kind === "REMOVED") return `${c.person}: role as ${role(c.from)} removed`;
  if (c.kind === "GIVEN") return `${c.person}: given the role of ${role(c.to)}`;
  return `${c.person}: role changed from ${role(c.from)} to ${role(c.to)}`;
}

export function PeopleAndRoles({ people }: { people: AreaPeople }) {
  return (
    <section aria-labelledby="people-and-roles" className="mt-12">
      <h2 id="people-and-roles" className="mb-4 text-2xl">
        People and roles
      </h2>
      <p className="mb-4 max-w-3xl text-secondary">
        Headway&apos;s administrators give and remove roles; every change is recorded and listed here, with who made it.
        Ask an administrator if a change below is not one you expected.
      </p>
      <Table caption={`People with a role in ${people.area.name}`} columns={["Name", "Role", "Since"]}>
        {people.members.map((m) => (
          <tr key={m.id} className={rowClass}>
            <td className={cell}>
              {m.name}
              {m.organisation ? <div className="text-secondary">{m.organisation}</div> : null}
              {m.disabled ? <div className="text-secondary">Account switched off</div> : null}
            </td>
            <td className={cell}>{AREA_ROLE[m.role]}</td>
            <td className={cell}>{formatDate(m.since)}</td>
          </tr>
        ))}
      </Table>
      <h3 className="mt-6 mb-2 text-xl">Recent changes to roles</h3>
      {people.changes.length === 0 ? (
        <p>No roles have been given or removed through Headway yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Changes to roles, newest first">
          {people.changes.map((c) => (
            <li key={c.id} className="border-l-4 border-border pl-4">
              {changeText(c)}
              <span className="block text-secondary">
                {formatDateTime(c.at)} by {c.by}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
