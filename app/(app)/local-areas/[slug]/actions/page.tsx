import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { findingTitle } from "@/lib/format/finding-title";
import { buttonClass } from "@/components/ui/button";
import { inputClass, Select } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass } from "@/components/ui/table";
import { ActionStatusTag, RagTag, Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { ACTION_STATUS, DELIVERY_RAG, optionsOf } from "@/lib/labels";
import { actionFilterSchema, type ActionFilter, type ActionSort } from "@/server/schemas/plan";
import { routes, type ActionListQuery } from "@/lib/routes";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Actions" };

/** Reads the filters from the address; a filter that makes no sense is dropped, not an error. */
function filtersFrom(slug: string, params: Record<string, string | string[] | undefined>): ActionFilter {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const filter: ActionFilter = { slug };
  const shape = actionFilterSchema.shape;
  for (const key of ["finding", "status", "rag", "owner", "organisation", "q", "sort"] as const) {
    const value = one(key);
    if (!value) continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data) (filter as Record<string, unknown>)[key] = parsed.data;
  }
  if (one("overdue") === "1") filter.overdue = true;
  return filter;
}

const labelClass = "mb-1 block font-bold";

/** The filters as the list's address has them: kept by the sort links, as the sort is kept by the filter form. */
function queryOf(filter: ActionFilter): ActionListQuery {
  return {
    finding: filter.finding,
    status: filter.status,
    rag: filter.rag,
    owner: filter.owner,
    organisation: filter.organisation,
    q: filter.q,
    overdue: filter.overdue ? "1" : undefined,
    sort: filter.sort && filter.sort !== "finding" ? filter.sort : undefined,
  };
}

/** The orders the list can take: the column each belongs to, and which way it runs. */
const SORTS: Record<ActionSort, { label: string; order: "ascending" | "descending"; words: string }> = {
  finding: { label: "Ref", order: "ascending", words: "by finding, in the plan's order" },
  due: { label: "Due", order: "ascending", words: "by due date, soonest first" },
  rag: { label: "Delivery", order: "descending", words: "by delivery RAG, red first" },
  updated: { label: "Last update", order: "ascending", words: "by last update, longest without one first" },
};

/** A column heading that orders the list by it: a link, saying so in aria-sort and in words when it is the order. */
function SortHeading({ sort, current, href }: { sort: ActionSort; current: ActionSort; href: string }) {
  const active = sort === current;
  return (
    <th scope="col" className={`${cell} align-bottom`} aria-sort={active ? SORTS[sort].order : undefined}>
      <Link href={href}>
        {SORTS[sort].label}
        {active ? <span className="block text-base font-normal">(sorted {SORTS[sort].order})</span> : null}
      </Link>
    </th>
  );
}

type ListedAction = Awaited<ReturnType<typeof loadList>>["actions"][number];

function loadList(filter: ActionFilter, slug: string) {
  return loadForPage(getQueryClient().fetchQuery(trpc.action.list.queryOptions(filter)), routes.actions(slug));
}

/** Status and how far through: "In progress", 40% done. */
function Progress({ a }: { a: ListedAction }) {
  return (
    <>
      <ActionStatusTag status={a.status} />
      <span className="mt-1 block">{a.progress}% done</span>
    </>
  );
}

function LastUpdate({ a }: { a: ListedAction }) {
  if (!a.lastUpdate) return <span className="text-secondary">No update yet</span>;
  return (
    <>
      <span className="whitespace-nowrap">{formatDate(a.lastUpdate.at)}</span>
      <span className="block text-secondary">by {a.lastUpdate.by}</span>
    </>
  );
}

/** One labelled drop-down of the filter form; its first option, "any", leaves that filter off. */
function FilterSelect({
  name,
  label,
  any,
  value,
  options,
}: {
  name: "finding" | "status" | "rag" | "owner" | "organisation";
  label: string;
  any: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <Select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="border-ink" placeholder={any} options={options} />
    </div>
  );
}

export default async function ActionListPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const filter = filtersFrom(slug, await searchParams);
  const { area, plan, actions, total, choices } = await loadList(filter, slug);
  const sort = filter.sort ?? "finding";
  const query = queryOf(filter);
  const filtered = Object.entries(query).some(([key, value]) => key !== "sort" && value !== undefined);
  const sortHref = (to: ActionSort) => routes.actions(slug, { ...query, sort: to === "finding" ? undefined : to });

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <h1 className="mb-6 text-4xl">Actions</h1>
      {!plan ? (
        <p>{area.name} has no current plan, so there are no actions to list.</p>
      ) : (
        <>
          <form method="get" role="search" aria-label="Filter actions" className="mb-8 bg-panel p-4">
            {/* Applying filters keeps the list's order. */}
            {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
            <div className="grid gap-4 sm:grid-cols-3">
              <div>
                <label htmlFor="filter-q" className={labelClass}>
                  Search
                </label>
                <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} className={`${inputClass} border-ink`} />
              </div>
              <FilterSelect
                name="finding"
                label="Finding"
                any="All findings"
                value={filter.finding}
                options={choices.findings.map((f) => ({ value: f.ref, label: `${f.ref}. ${shortened(findingTitle(f), 60)}` }))}
              />
              <FilterSelect name="status" label="Status" any="Any status" value={filter.status} options={optionsOf(ACTION_STATUS)} />
              <FilterSelect name="rag" label="Delivery RAG" any="Any RAG" value={filter.rag} options={optionsOf(DELIVERY_RAG)} />
              <FilterSelect name="owner" label="Owner" any="Anyone" value={filter.owner} options={choices.owners.map((o) => ({ value: o.id, label: o.name ?? "" }))} />
              <FilterSelect
                name="organisation"
                label="Organisation (lead or partner)"
                any="Any organisation"
                value={filter.organisation}
                options={choices.organisations.map((o) => ({ value: o.id, label: o.name }))}
              />
            </div>
            <div className="mt-4 flex items-center gap-2">
              <input id="filter-overdue" name="overdue" type="checkbox" value="1" defaultChecked={filter.overdue ?? false} className="h-6 w-6" />
              <label htmlFor="filter-overdue">Only actions with an update overdue</label>
            </div>
            <div className="mt-4 flex flex-wrap items-center gap-6">
              <button type="submit" className={buttonClass.primary}>
                Apply filters
              </button>
              {filtered ? <Link href={routes.actions(slug, { sort: query.sort })}>Clear filters</Link> : null}
            </div>
          </form>

          <p className="mb-4" role="status">
            Showing {pluralise(actions.length, "action")}
            {filtered ? ` of ${total}` : ""}, {SORTS[sort].words}.
          </p>
          {actions.length === 0 ? (
            <p>No actions match these filters.</p>
          ) : (
            <>
              <div className="relative hidden overflow-x-auto lg:block">
                <table className="w-full border-collapse text-left text-base">
                  <caption className="sr-only">Actions</caption>
                  <thead>
                    <tr className="border-b-2 border-ink">
                      <SortHeading sort="finding" current={sort} href={sortHref("finding")} />
                      <th scope="col" className={`${cell} align-bottom`}>
                        Action
                      </th>
                      <th scope="col" className={`${cell} align-bottom`}>
                        Owner
                      </th>
                      <SortHeading sort="due" current={sort} href={sortHref("due")} />
                      <th scope="col" className={`${cell} align-bottom`}>
                        Progress
                      </th>
                      <SortHeading sort="rag" current={sort} href={sortHref("rag")} />
                      <SortHeading sort="updated" current={sort} href={sortHref("updated")} />
                    </tr>
                  </thead>
                  <tbody>
                    {actions.map((a) => (
                      <tr key={a.id} className={rowClass}>
                        <td className={`${cell} whitespace-nowrap`}>{a.ref}</td>
                        <td className={cell}>
                          <Link href={routes.action(slug, a.id)}>{a.title}</Link>
                          <div className="text-secondary">{a.leadOrganisation?.name ?? "No lead organisation"}</div>
                          {a.update.overdue ? (
                            <div className="mt-1">
                              <Tag colour="red">Update overdue</Tag>
                            </div>
                          ) : null}
                        </td>
                        <td className={cell}>{a.owner?.name ?? "Not assigned"}</td>
                        <td className={`${cell} whitespace-nowrap`}>{formatDate(a.dueDate) || "None"}</td>
                        <td className={cell}>
                          <Progress a={a} />
                        </td>
                        <td className={cell}>
                          <RagTag rag={a.rag.shown} overridden={a.rag.override !== null} />
                        </td>
                        <td className={cell}>
                          <LastUpdate a={a} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {/* On a narrow screen, one card per action: every field stacked, nothing cut off. */}
              <div className="lg:hidden">
                <nav aria-label="Sort the actions" className="mb-4">
                  <p className="mb-1">Sort by:</p>
                  <ul className="flex flex-wrap gap-x-4 gap-y-1">
                    {(Object.keys(SORTS) as ActionSort[]).map((key) => (
                      <li key={key}>
                        <Link href={sortHref(key)} aria-current={key === sort ? "true" : undefined}>
                          {key === "finding" ? "Finding" : SORTS[key].label}
                          {key === sort ? ` (sorted ${SORTS[key].order})` : ""}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
                <ul>
                  {actions.map((a) => (
                    <li key={a.id} className="mb-4 border-l-4 border-border bg-panel p-3">
                      <h2 className="mb-1 text-xl font-bold">
                        <Link href={routes.action(slug, a.id)}>{a.title}</Link>
                      </h2>
                      <p className="mb-2 text-secondary">
                        {a.ref} · {a.leadOrganisation?.name ?? "No lead organisation"}
                      </p>
                      {a.update.overdue ? (
                        <p className="mb-2">
                          <Tag colour="red">Update overdue</Tag>
                        </p>
                      ) : null}
                      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
                        <div>
                          <dt className="font-bold">Owner</dt>
                          <dd>{a.owner?.name ?? "Not assigned"}</dd>
                        </div>
                        <div>
                          <dt className="font-bold">Due</dt>
                          <dd>{formatDate(a.dueDate) || "None"}</dd>
                        </div>
                        <div>
                          <dt className="font-bold">Progress</dt>
                          <dd>
                            <Progress a={a} />
                          </dd>
                        </div>
                        <div>
                          <dt className="font-bold">Delivery</dt>
                          <dd>
                            <RagTag rag={a.rag.shown} overridden={a.rag.override !== null} />
                          </dd>
                        </div>
                        <div className="sm:col-span-2">
                          <dt className="font-bold">Last update</dt>
                          <dd>
                            <LastUpdate a={a} />
                          </dd>
                        </div>
                      </dl>
                    </li>
                  ))}
                </ul>
              </div>
            </>
          )}
        </>
      )}
    </>
  );
}

/** A long title cut to fit a drop-down, with an ellipsis. */
function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}
