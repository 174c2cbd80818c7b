/** The national view's filters: a plain GET form, so it works without script and the address can be shared. */
import Link from "next/link";
import { viewHref } from "@/components/national/address";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/form-field";
import { optionsOf, PLAN_TYPE, REGION } from "@/lib/labels";
import { ADVISER_VIEW_FILTER_LABEL, FOLLOW_UP_FILTER_LABEL, type Adviser } from "@/server/domain/national-table";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { routes } from "@/lib/routes";

function FilterSelect({
  name,
  label,
  any,
  value,
  options,
}: {
  name: "region" | "planType" | "followUp" | "adviser" | "adviserView";
  label: string;
  any: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block font-bold">
        {label}
      </label>
      <Select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="border-ink" placeholder={any} options={options} />
    </div>
  );
}

/** `advisers`: the advisers of every area in view, whatever is filtered. */
export function NationalFilters({ view, advisers }: { view: NationalOverviewInput; advisers: readonly Adviser[] }) {
  const filtered = Boolean(view.region || view.planType || view.followUp || view.adviser || view.adviserView);
  const cleared = { region: undefined, planType: undefined, followUp: undefined, adviser: undefined, adviserView: undefined };
  const sorted = viewHref(view, cleared) !== routes.national();
  return (
    <form method="get" action={routes.national()} role="search" aria-label="Filter local areas" className="mb-8 bg-panel p-4">
      {/* Applying filters keeps the table's order. */}
      {sorted ? (
        <>
          <input type="hidden" name="sort" value={view.sort} />
          <input type="hidden" name="dir" value={view.dir} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect name="region" label="Region" any="All regions" value={view.region} options={optionsOf(REGION)} />
        <FilterSelect name="planType" label="Plan type" any="All plan types" value={view.planType} options={optionsOf(PLAN_TYPE)} />
        <FilterSelect
          name="followUp"
          label="Last revisit or monitoring"
          any="Any outcome"
          value={view.followUp}
          options={optionsOf(FOLLOW_UP_FILTER_LABEL)}
        />
        <FilterSelect
          name="adviser"
          label="Adviser"
          any="Any adviser"
          value={view.adviser}
          options={advisers.map((a) => ({ value: a.id, label: a.name }))}
        />
        <FilterSelect
          name="adviserView"
          label="Adviser's latest view"
          any="Any view, or none"
          value={view.adviserView}
          options={optionsOf(ADVISER_VIEW_FILTER_LABEL)}
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-6">
        <button type="submit" className={buttonClass.primary}>
          Apply filters
        </button>
        {filtered ? <Link href={viewHref(view, cleared)}>Clear filters</Link> : null}
      </div>
    </form>
  );
}
