/**
 * Administration: local areas, people, and the roles people hold in areas, as the page read them
 * on the server. Each form checks input with the same zod schema as the server, shows errors in
 * the GOV.UK pattern and refreshes the page after a change.
 */
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { AddAreaForm } from "@/components/admin/add-area-form";
import { PlanImport } from "@/components/plan-transfer/plan-import";
import { AddPersonForm } from "@/components/admin/add-person-form";
import { RevokeButton } from "@/components/admin/revoke-button";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { cell, rowClass, Table } from "@/components/ui/table";
import { pluralise } from "@/lib/format/plurals";
import { AREA_ROLE, REGION } from "@/lib/labels";
import { routes } from "@/lib/routes";
import type { AppRouter } from "@/server/api/root";

export type AdminOverview = inferRouterOutputs<AppRouter>["admin"]["overview"];

export function AdminPanel({ data }: { data: AdminOverview }) {
  const { search, page, pages, matching, perPage } = data.people;
  const first = matching === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(page * perPage, matching);
  const pageHref = (n: number) => `${routes.admin()}?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(n) })}#people`;
  return (
    <>
      <div className="grid grid-cols-1 gap-x-12 lg:grid-cols-2">
        <AddPersonForm />
      </div>

      <h2 id="people" className="mb-4 text-2xl">
        People
      </h2>
      <form method="get" action={`${routes.admin()}#people`} role="search" aria-label="People" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="people-q" className="mb-1 block font-bold">
            Find a person by name or email
          </label>
          <input id="people-q" name="q" type="search" defaultValue={search} maxLength={100} className={`${inputClass} w-72 max-w-full`} />
        </div>
        <button type="submit" className={buttonClass.secondary}>
          Search
        </button>
        {search ? <Link href={`${routes.admin()}#people`}>Show everyone</Link> : null}
      </form>
      <p className="mb-4" role="status">
        {matching === 0
          ? search
            ? `Nobody's name or email contains “${search}”.`
            : "No people yet."
          : `${first === 1 && last === matching ? `${pluralise(matching, "person", "people")}` : `${first} to ${last} of ${pluralise(matching, "person", "people")}`}${search ? ` matching “${search}”` : ""}, by name. Give someone a role from their page.`}
      </p>
      <Table caption="People with Headway accounts and their roles" columns={["Name", "Email", "Roles"]}>
        {data.users.map((u) => (
          <tr key={u.id} className={rowClass}>
            <td className={cell}>
              {u.name ?? "No name"}
              {u.isDemo ? <span className="text-secondary"> (demo)</span> : null}
              {u.jobTitle ? <div className="text-secondary">{u.jobTitle}</div> : null}
              <div>
                <Link href={routes.adminPerson(u.id)}>
                  Roles and personal data<span className="sr-only"> of {u.name ?? u.email}</span>
                </Link>
              </div>
            </td>
            <td className={`${cell} break-all`}>{u.email}</td>
            <td className={cell}>
              <ul>
                {u.globalRole ? <li>{u.globalRole === "NATIONAL" ? "National team (every area)" : "Administrator"}</li> : null}
                {u.memberships.map((m) => (
                  <li key={m.id}>
                    {AREA_ROLE[m.role]} in {m.localArea.name}{" "}
                    <RevokeButton membershipId={m.id} label={`${u.name ?? u.email} as ${AREA_ROLE[m.role].toLowerCase()} in ${m.localArea.name}`} />
                  </li>
                ))}
                {!u.globalRole && u.memberships.length === 0 ? <li className="text-secondary">No roles yet</li> : null}
              </ul>
            </td>
          </tr>
        ))}
      </Table>
      {pages > 1 ? (
        <nav aria-label="Pages of people" className="mt-4 flex flex-wrap items-center gap-4">
          {page > 1 ? <Link href={pageHref(page - 1)}>Previous page</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={pageHref(page + 1)}>Next page</Link> : null}
        </nav>
      ) : null}

      <div className="mt-12 grid grid-cols-1 gap-x-12 lg:grid-cols-2">
        <div>
          <h2 className="mb-4 text-2xl">Local areas</h2>
          <Table caption="Local areas in Headway" columns={["Local area", "LA code", "Region", "Members"]}>
            {data.areas.map((a) => (
              <tr key={a.id} className={rowClass}>
                <td className={cell}>
                  {a.name}
                  <Link href={routes.apiTokens(a.slug)} className="block">
                    API tokens<span className="sr-only"> of {a.name}</span>
                  </Link>
                </td>
                <td className={cell}>{a.laCode}</td>
                <td className={cell}>{REGION[a.region]}</td>
                <td className={cell}>{a._count.memberships}</td>
              </tr>
            ))}
          </Table>
        </div>
        <AddAreaForm />
      </div>

      <section aria-labelledby="area-from-file" className="mt-12">
        <h2 id="area-from-file" className="mb-2 text-2xl">
          Start an area from its plan
        </h2>
        <p className="mb-6 max-w-3xl">
          A plan workbook whose Plan sheet names the local area, its LA code and region starts the area, with its council and
          parent carer forum, and imports its plan as the letters word it: findings, judgements and letter links, actions and measures.
          Check the file first; nothing is made until you start the area.
        </p>
        <PlanImport into={null} />
      </section>

      <section aria-labelledby="published-statistics" className="mt-12">
        <h2 id="published-statistics" className="mb-2 text-2xl">
          Published statistics
        </h2>
        <p className="max-w-3xl">
          The standard measures the DfE and the LGA publish for every local authority, with England&apos;s, the regions&apos; and the
          statistical neighbours&apos; figures for linked measures&apos; charts:{" "}
          <Link href={routes.adminStatistics()}>import published statistics and statistical neighbours</Link>.
        </p>
      </section>
    </>
  );
}
