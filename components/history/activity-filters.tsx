/**
 * The activity page's filters: a plain GET form, so it works without script and a filtered view
 * can be shared as an address. The CSV download takes the same filters.
 */
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { describedBy, fieldBlockClass, HintAndError, inputClass, Select } from "@/components/ui/form-field";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { routes } from "@/lib/routes";

type Activity = RouterOutputs["history"]["activity"];
type Errors = Partial<Record<"person" | "kind" | "from" | "to", string>>;

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className={fieldBlockClass(error)}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <HintAndError id={id} error={error} />
      {children}
    </div>
  );
}

export function ActivityFilters({ slug, activity, errors }: { slug: string; activity: Activity; errors: Errors }) {
  const { filters, choices } = activity;
  const filtered = Boolean(filters.person || filters.kind || filters.from || filters.to);
  const border = (error?: string) => (error ? "border-error" : "border-ink");
  return (
    <form method="get" action={routes.activity(slug)} role="search" aria-label="Filter the activity" className="mb-8 bg-panel p-4">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="filter-person" label="Person" error={errors.person}>
          <Select
            id="filter-person"
            name="person"
            defaultValue={filters.person}
            className={border(errors.person)}
            aria-describedby={describedBy("filter-person", undefined, errors.person)}
            aria-invalid={errors.person ? true : undefined}
            placeholder="Everyone"
            options={choices.people.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Field>
        <Field id="filter-kind" label="Kind of record" error={errors.kind}>
          <Select
            id="filter-kind"
            name="kind"
            defaultValue={filters.kind}
            className={border(errors.kind)}
            aria-describedby={describedBy("filter-kind", undefined, errors.kind)}
            aria-invalid={errors.kind ? true : undefined}
            placeholder="Every kind"
            options={choices.kinds}
          />
        </Field>
        <Field id="filter-from" label="From (the day included)" error={errors.from}>
          <input
            id="filter-from"
            name="from"
            type="date"
            defaultValue={filters.from}
            className={`${inputClass} ${border(errors.from)}`}
            aria-describedby={describedBy("filter-from", undefined, errors.from)}
            aria-invalid={errors.from ? true : undefined}
          />
        </Field>
        <Field id="filter-to" label="To (the day included)" error={errors.to}>
          <input
            id="filter-to"
            name="to"
            type="date"
            defaultValue={filters.to}
            className={`${inputClass} ${border(errors.to)}`}
            aria-describedby={describedBy("filter-to", undefined, errors.to)}
            aria-invalid={errors.to ? true : undefined}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-6">
        <button type="submit" className={buttonClass.primary}>
          Apply filters
        </button>
        {filtered ? <Link href={routes.activity(slug)}>Clear filters</Link> : null}
      </div>
    </form>
  );
}
