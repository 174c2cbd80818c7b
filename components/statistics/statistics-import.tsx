"use client";
/**
 * Importing published statistics (administrators): choose what the file holds (a catalogue
 * measure's figures, or the statistical neighbours) and the CSV file; Headway reads its columns
 * and offers the mapping saved for that measure, or a guess; the administrator says which column
 * holds what (once: the mapping is saved when the file is imported), checks the file (nothing
 * changes), then imports it: the whole file or nothing.
 */
import { useEffect, useRef, useState } from "react";
import { successPanelClass } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { FormField, Select } from "@/components/ui/form-field";
import { StatisticsReport } from "@/components/statistics/statistics-report";
import { pluralise } from "@/lib/format/plurals";
import { routes } from "@/lib/routes";
import { PERIOD_TYPE_WORDS, PERIOD_TYPES, type PeriodType } from "@/server/domain/statistics-periods";
import {
  MAX_STATISTICS_BYTES,
  NEIGHBOURS_KEY,
  neighboursMappingSchema,
  statisticsMappingSchema,
  type NeighboursMapping,
  type StatisticsColumn,
  type StatisticsColumns,
  type StatisticsImportReport,
  type StatisticsMapping,
} from "@/server/schemas/statistics";

type Target = { id: string; name: string };
type Mode = "columns" | "preview" | "apply";

class SendError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const FALLBACK = "Something went wrong and nothing was saved. Try again.";

async function send(mode: "columns", target: string, file: File): Promise<StatisticsColumns>;
async function send(mode: "preview" | "apply", target: string, file: File, mapping: StatisticsMapping | NeighboursMapping): Promise<StatisticsImportReport>;
async function send(mode: Mode, target: string, file: File, mapping?: StatisticsMapping | NeighboursMapping) {
  const form = new FormData();
  form.append("target", target);
  form.append("file", file, file.name);
  if (mapping) form.append("mapping", JSON.stringify(mapping));
  let response: Response;
  try {
    response = await fetch(routes.statisticsImport(mode), { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new SendError("The file could not be sent. Check your connection and try again.", "");
  }
  const body = (await response.json().catch(() => null)) as (Record<string, unknown> & { message?: string; fieldErrors?: Record<string, string> }) | null;
  const answered = body && (mode === "columns" ? Array.isArray(body.columns) : typeof body.rowsRead === "number");
  if (!response.ok || !answered) {
    const field = body?.fieldErrors?.file ? "statistics-file" : body?.fieldErrors?.mapping ? "statistics-mapping" : "";
    throw new SendError(body?.message ?? FALLBACK, field);
  }
  return body;
}

const isNeighbours = (m: StatisticsMapping | NeighboursMapping): m is NeighboursMapping => "form" in m;

/** What each mapping question asks for, to say which one is unanswered. */
const QUESTION: Record<string, string> = {
  value: "the figure",
  laCode: "the LA code",
  period: "the period",
  neighbourCode: "the neighbour's LA code",
};
const GENERIC = "Choose a column for each question that needs one";

/** A mapping problem against the field to correct ("map-period", "map-neighbour-3"). */
function mappingError(path: PropertyKey[], message: string): FieldError {
  const [key, index] = path;
  if (key === "neighbours" && typeof index === "number") {
    return { field: `map-neighbour-${index + 1}`, message: `Choose the column that holds neighbour ${index + 1}` };
  }
  const field = typeof key === "string" ? `map-${key}` : "statistics-mapping";
  return { field, message: message === GENERIC && typeof key === "string" && QUESTION[key] ? `Choose the column that holds ${QUESTION[key]}` : message };
}

/** Columns that say where and when a figure is for: never a breakdown to filter on. */
const GEOGRAPHY = new Set(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "new_la_code", "old_la_code", "la_name"]);

export function StatisticsImport({ targets }: { targets: Target[] }) {
  const { refresh } = useRefresh();
  const [target, setTarget] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<StatisticsColumns | null>(null);
  const [mapping, setMapping] = useState<StatisticsMapping | NeighboursMapping | null>(null);
  const [result, setResult] = useState<StatisticsImportReport | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<Mode | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users are taken to the report when it appears.
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const run = async <T,>(mode: Mode, work: () => Promise<T>): Promise<T | null> => {
    if (pending) return null;
    setAttempt((n) => n + 1);
    setErrors([]);
    setPending(mode);
    try {
      return await work();
    } catch (error) {
      setErrors([error instanceof SendError ? { field: error.field, message: error.message } : { field: "", message: FALLBACK }]);
      return null;
    } finally {
      setPending(null);
    }
  };

  async function readColumns(event: React.FormEvent) {
    event.preventDefault();
    setResult(null);
    const problems: FieldError[] = [];
    if (!target) problems.push({ field: "statistics-target", message: "Choose what the file holds" });
    if (!file) problems.push({ field: "statistics-file", message: "Choose a CSV file of the figures" });
    else if (!/\.csv$/i.test(file.name)) problems.push({ field: "statistics-file", message: `${file.name} is not a CSV file` });
    else if (file.size > MAX_STATISTICS_BYTES) problems.push({ field: "statistics-file", message: `The file must be smaller than ${MAX_STATISTICS_BYTES / 1024 / 1024} MB` });
    if (problems.length) {
      setAttempt((n) => n + 1);
      return setErrors(problems);
    }
    const read = await run("columns", () => send("columns", target, file!));
    if (read) {
      setColumns(read);
      setMapping(read.mapping);
    }
  }

  async function check(mode: "preview" | "apply") {
    if (!file || !mapping) return;
    // The server checks the same; said here first, beside the choices.
    const checked = (isNeighbours(mapping) ? neighboursMappingSchema : statisticsMappingSchema).safeParse(mapping);
    if (!checked.success) {
      setAttempt((n) => n + 1);
      const seen = new Set<string>();
      return setErrors(
        checked.error.issues
          .map((issue) => mappingError(issue.path, issue.message))
          .filter((e) => !seen.has(e.field) && seen.add(e.field)),
      );
    }
    const answer = await run(mode, () => send(mode, target, file, mapping));
    if (answer) {
      setResult(answer);
      if (answer.status === "applied") refresh();
    }
  }

  const targetName = targets.find((t) => t.id === target)?.name ?? "Statistical neighbours";
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const startAgain = () => {
    setColumns(null);
    setMapping(null);
    setResult(null);
  };

  return (
    <div>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={readColumns} noValidate aria-label="Choose a statistics file">
        <FormField id="statistics-target" label="What the file holds" error={errors.find((e) => e.field === "statistics-target")?.message}>
          <Select
            placeholder="Choose a published measure, or the neighbours"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
              startAgain();
            }}
            options={[...targets.map((t) => ({ value: t.id, label: t.name })), { value: NEIGHBOURS_KEY, label: "Statistical neighbours (the DfE's ten per authority)" }]}
          />
        </FormField>
        <FormField
          id="statistics-file"
          label="CSV file"
          hint="As downloaded from explore-education-statistics (with time_period, time_identifier, geographic_level, old_la_code...) or from the LGA (LA code, period, figure). England and regional rows are kept as such."
          error={errors.find((e) => e.field === "statistics-file")?.message}
        >
          <input
            type="file"
            accept=".csv,text/csv"
            className="block max-w-full text-base"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              startAgain();
            }}
          />
        </FormField>
        <button type="submit" className={buttonClass.secondary} disabled={pending !== null}>
          {pending === "columns" ? "Reading the columns…" : "Read the file's columns"}
        </button>
      </form>

      {columns && mapping ? (
        <section aria-labelledby="statistics-mapping-heading" className="mt-8">
          <h3 id="statistics-mapping-heading" className="mb-2 text-xl font-bold">
            Which column holds what
          </h3>
          <p className="mb-4">
            {file?.name}: {pluralise(columns.rows, "row")}, {pluralise(columns.columns.length, "column")}.{" "}
            {columns.saved ? `These are the choices saved for ${targetName}.` : "Headway has guessed from the column names: check each one."}
          </p>
          <div id="statistics-mapping" tabIndex={-1}>
            {isNeighbours(mapping) ? (
              <NeighboursMappingFields columns={columns.columns} mapping={mapping} onChange={setMapping} errorOf={errorOf} />
            ) : (
              <FiguresMappingFields columns={columns.columns} mapping={mapping} onChange={setMapping} errorOf={errorOf} />
            )}
          </div>
          <div className="flex flex-wrap gap-4">
            <button type="button" className={buttonClass.secondary} disabled={pending !== null} onClick={() => check("preview")}>
              {pending === "preview" ? "Checking…" : "Check the file"}
            </button>
            <button type="button" className={buttonClass.primary} disabled={pending !== null} onClick={() => check("apply")}>
              {pending === "apply" ? "Importing…" : "Import the file"}
            </button>
          </div>
        </section>
      ) : null}

      {result ? (
        <section aria-labelledby="statistics-result-heading" className="mt-8">
          <h3 id="statistics-result-heading" ref={resultHeading} tabIndex={-1} className="mb-4 text-xl font-bold">
            {result.status === "applied"
              ? "Imported"
              : result.status === "unchanged"
                ? "Nothing to import: Headway already holds these figures"
                : result.status === "refused"
                  ? "The file cannot be imported: nothing has changed"
                  : "Checked: nothing has changed yet"}
          </h3>
          {result.status === "applied" ? (
            <p className={`${successPanelClass} mb-4 p-4 font-bold`} role="status">
              {result.target.name}: {pluralise(result.added, "new figure")}, {pluralise(result.changed, "changed figure")}.
              {result.mappingSaved ? " The column choices are saved for the next file." : ""}
            </p>
          ) : null}
          <StatisticsReport report={result} />
        </section>
      ) : null}
    </div>
  );
}

/** A drop-down of the file's columns. */
type ErrorOf = (field: string) => string | undefined;

function ColumnSelect({
  id,
  label,
  hint,
  columns,
  value,
  none,
  onChange,
  errorOf,
}: {
  id: string;
  label: string;
  hint?: string;
  columns: StatisticsColumn[];
  value: string;
  none: string;
  onChange: (value: string) => void;
  errorOf: ErrorOf;
}) {
  return (
    <FormField id={id} label={label} hint={hint} error={errorOf(id)}>
      <Select
        placeholder={none}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={columns.map((c) => ({ value: c.header, label: c.examples.length ? `${c.header} (for example ${c.examples.slice(0, 2).join(", ")})` : c.header }))}
      />
    </FormField>
  );
}

function FiguresMappingFields({
  columns,
  mapping,
  onChange,
  errorOf,
}: {
  columns: StatisticsColumn[];
  mapping: StatisticsMapping;
  onChange: (m: StatisticsMapping) => void;
  errorOf: ErrorOf;
}) {
  const set = (patch: Partial<StatisticsMapping>) => onChange({ ...mapping, ...patch });
  const mapped = new Set([mapping.value, mapping.laCode, mapping.period, mapping.timeIdentifier, mapping.geographicLevel, mapping.region, mapping.areaName]);
  // Breakdown columns a DfE file repeats rows by (sen_status, school_type...): one value each.
  const filterable = columns.filter((c) => !mapped.has(c.header) && !GEOGRAPHY.has(c.header) && c.values !== null && c.values.length > 1);
  const filterOf = (column: string) => mapping.filters.find((f) => f.column === column)?.value ?? "";
  return (
    <>
      <div className="grid gap-x-6 md:grid-cols-2">
        <ColumnSelect
          id="map-value"
          label="The figure"
          columns={columns}
          value={mapping.value}
          none="Choose a column"
          onChange={(value) => set({ value })}
          errorOf={errorOf}
        />
        <ColumnSelect
          errorOf={errorOf}
          id="map-laCode"
          label="LA code"
          hint="The DfE's three-digit code (old_la_code). England's and the regions' rows may leave it empty."
          columns={columns}
          value={mapping.laCode}
          none="Choose a column"
          onChange={(laCode) => set({ laCode })}
        />
        <ColumnSelect
          id="map-period"
          label="Period"
          hint="For example time_period: 2023 or 202223."
          columns={columns}
          value={mapping.period}
          none="Choose a column"
          onChange={(period) => set({ period })}
          errorOf={errorOf}
        />
        <ColumnSelect
          errorOf={errorOf}
          id="map-timeIdentifier"
          label="Kind of period (optional)"
          hint="For example time_identifier: Calendar year, Academic year."
          columns={columns}
          value={mapping.timeIdentifier}
          none="None: the kind is chosen below"
          onChange={(timeIdentifier) => set({ timeIdentifier })}
        />
        {mapping.timeIdentifier ? null : (
          <FormField id="map-periodType" label="Every period in the file is a">
            <Select
              placeholder="Choose a kind of period"
              value={mapping.periodType}
              onChange={(e) => set({ periodType: (e.target.value || "CALENDAR_YEAR") as PeriodType })}
              options={PERIOD_TYPES.map((p) => ({ value: p, label: PERIOD_TYPE_WORDS[p] }))}
            />
          </FormField>
        )}
        <ColumnSelect
          errorOf={errorOf}
          id="map-geographicLevel"
          label="Geographic level (optional)"
          hint="For example geographic_level: National, Regional, Local authority. Without it, the code tells: E92000001 is England, E12… a region."
          columns={columns}
          value={mapping.geographicLevel}
          none="None: tell by the code"
          onChange={(geographicLevel) => set({ geographicLevel })}
        />
        <ColumnSelect
          errorOf={errorOf}
          id="map-region"
          label="Region (optional)"
          hint="region_name or region_code, for the regional rows."
          columns={columns}
          value={mapping.region}
          none="None"
          onChange={(region) => set({ region })}
        />
        <ColumnSelect
          id="map-areaName"
          label="Authority's name (optional)"
          hint="For example la_name."
          columns={columns}
          value={mapping.areaName}
          none="None"
          onChange={(areaName) => set({ areaName })}
          errorOf={errorOf}
        />
      </div>
      {filterable.length ? (
        <Fieldset
          id="map-filters"
          legend="Only rows where (optional)"
          hint="A file with breakdowns gives several figures for each authority and period (by SEN status, school type…): choose the one the measure counts, so each authority has one figure a period."
        >
          <div className="grid gap-x-6 md:grid-cols-2">
            {filterable.map((c, i) => (
              <FormField key={c.header} id={`map-filter-${i}`} label={c.header}>
                <Select
                  placeholder="Any value"
                  value={filterOf(c.header)}
                  onChange={(e) => {
                    const others = mapping.filters.filter((f) => f.column !== c.header);
                    set({ filters: e.target.value ? [...others, { column: c.header, value: e.target.value }] : others });
                  }}
                  options={(c.values ?? []).map((v) => ({ value: v, label: v }))}
                />
              </FormField>
            ))}
          </div>
        </Fieldset>
      ) : null}
    </>
  );
}

function NeighboursMappingFields({
  columns,
  mapping,
  onChange,
  errorOf,
}: {
  columns: StatisticsColumn[];
  mapping: NeighboursMapping;
  onChange: (m: NeighboursMapping) => void;
  errorOf: ErrorOf;
}) {
  const set = (patch: Partial<NeighboursMapping>) => onChange({ ...mapping, ...patch });
  return (
    <>
      <ColumnSelect
        id="map-laCode"
        label="The authority's LA code"
        columns={columns}
        value={mapping.laCode}
        none="Choose a column"
        onChange={(laCode) => set({ laCode })}
        errorOf={errorOf}
      />
      <Fieldset id="map-form" legend="How the file lists the neighbours" legendSize="m">
        <Choice id="map-form-wide" type="radio" name="map-form" label="One row per authority, its ten neighbours in ten columns" checked={mapping.form === "WIDE"} onChange={() => set({ form: "WIDE" })} />
        <Choice id="map-form-long" type="radio" name="map-form" label="One row per neighbour (long form)" checked={mapping.form === "LONG"} onChange={() => set({ form: "LONG" })} />
      </Fieldset>
      {mapping.form === "WIDE" ? (
        <div className="grid gap-x-6 md:grid-cols-2">
          {Array.from({ length: 10 }, (_, i) => (
            <ColumnSelect
              errorOf={errorOf}
              key={i}
              id={`map-neighbour-${i + 1}`}
              label={`Neighbour ${i + 1}${i === 0 ? " (the closest)" : ""}`}
              columns={columns}
              value={mapping.neighbours[i] ?? ""}
              none="Choose a column"
              onChange={(column) => {
                const next = Array.from({ length: 10 }, (_, j) => mapping.neighbours[j] ?? "");
                next[i] = column;
                set({ neighbours: next });
              }}
            />
          ))}
        </div>
      ) : (
        <div className="grid gap-x-6 md:grid-cols-2">
          <ColumnSelect
            id="map-neighbourCode"
            label="The neighbour's LA code"
            columns={columns}
            value={mapping.neighbourCode}
            none="Choose a column"
            onChange={(neighbourCode) => set({ neighbourCode })}
            errorOf={errorOf}
          />
          <ColumnSelect
            errorOf={errorOf}
            id="map-rank"
            label="Rank (optional)"
            hint="1 for the closest. Without it, the neighbours are taken in the file's order."
            columns={columns}
            value={mapping.rank}
            none="None: the file's order"
            onChange={(rank) => set({ rank })}
          />
        </div>
      )}
    </>
  );
}
