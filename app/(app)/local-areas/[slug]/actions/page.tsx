import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { findingTitle } from "@/lib/format/finding-title";
import { buttonClass } from "@/components/ui/button";
import { inputClass, Select } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass, Table } from "@/components/ui/table";
import { ActionStatusTag, RagTag, Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { ACTION_STATUS, DELIVERY_RAG, optionsOf } from "@/lib/labels";
import { actionFilterSchema, type ActionFilter } from "@/server/schemas/plan";
import { routes } from "@/lib/routes";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Actions" };

/** Reads the filters from the address; a filter that makes no sense is dropped, not an error. */
function filtersFrom(slug: string, params: Record<string, string | string[] | undefined>): ActionFilter {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const filter: ActionFilter = { slug };
  const shape = actionFilterSchema.shape;
  for (const key of ["finding", "status", "rag", "owner", "organisation", "q"] as const) {
    const value = one(key);
    if (!value) continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data) (filter as Record<string, unknown>)[key] = parsed.data;
  }
  if (one("overdue") === "1") filter.overdue = true;
  return filter;
}

const labelClass = "mb-1 block font-bold";

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
  const { area, plan, actions, total, choices } = await loadForPage(
    getQueryClient().fetchQuery(trpc.action.list.queryOptions(filter)),
    routes.actions(slug),
  );
  const filtered = Object.keys(filter).length > 1;

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <h1 className="mb-6 text-4xl">Actions</h1>
      {!plan ? (
        <p>{area.name} has no current plan, so there are no actions to list.</p>
      ) : (
        <>
          <form method="get" role="search" aria-label="Filter actions" className="mb-8 bg-panel p-4">
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
              {filtered ? <Link href={routes.actions(slug)}>Clear filters</Link> : null}
            </div>
          </form>

          <p className="mb-4" role="status">
            Showing {pluralise(actions.length, "action")}
            {filtered ? ` of ${total}` : ""}.
          </p>
          {actions.length === 0 ? (
            <p>No actions match these filters.</p>
          ) : (
            <Table caption="Actions" columns={["Ref", "Action", "Owner", "Due", "Status", "Delivery"]}>
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
                    <ActionStatusTag status={a.status} />
                  </td>
                  <td className={cell}>
                    <RagTag rag={a.rag.shown} overridden={a.rag.override !== null} />
                  </td>
                </tr>
              ))}
            </Table>
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
