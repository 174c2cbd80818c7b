"use client";
/**
 * Import the area's own plan tracker: choose the file, match each of its columns to a Headway field
 * (guessed from the column's name and values, or the choices saved at the last import), check the
 * import (the same report as a workbook's), then apply it. The server checks everything again.
 */
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ImportReport, type ImportCheck } from "@/components/plan-transfer/import-report";
import { sendTracker } from "@/components/plan-transfer/send-tracker";
import { WorkbookUploadError } from "@/components/plan-transfer/send-workbook";
import { successPanelClass } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { Fieldset } from "@/components/ui/fieldset";
import { FormField, Select } from "@/components/ui/form-field";
import { FINDING_KIND, optionsOf, PLAN_TYPE } from "@/lib/labels";
import { pluralise } from "@/lib/format/plurals";
import { routes } from "@/lib/routes";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/server/schemas/plan-transfer";
import {
  FINDINGS_SHEET_FIELDS,
  TRACKER_FIELDS,
  trackerMappingSchema,
  type TrackerColumns,
  type TrackerMapping,
  type TrackerSheetView,
} from "@/server/schemas/tracker-mapping";

const FILE = "tracker-file";
const SHEET = "tracker-sheet";
const FINDINGS_SHEET = "tracker-findings-sheet";
const PLAN_TYPE_FIELD = "tracker-plan-type";
const columnId = (i: number) => `tracker-column-${i}`;
const findingsColumnId = (i: number) => `tracker-findings-column-${i}`;

const FIELD_OPTIONS = Object.entries(TRACKER_FIELDS).map(([value, label]) => ({ value, label }));
const FINDINGS_FIELD_OPTIONS = FINDINGS_SHEET_FIELDS.map((value) => ({ value, label: TRACKER_FIELDS[value] }));

type Done = { status: "applied" | "unchanged"; created: number; updated: number; mappingSaved: boolean };

function errorsOf(error: unknown): FieldError[] {
  if (error instanceof WorkbookUploadError) return [{ field: error.aboutFiles ? FILE : "", message: error.message }];
  return [{ field: "", message: "Something went wrong and nothing was saved. Try again." }];
}

function problemWith(file: File | null): string | null {
  if (!file) return "Choose your tracker: an Excel workbook (.xlsx) or a CSV file";
  if (!/\.(xlsx|csv)$/i.test(file.name)) return `${file.name} is not an Excel workbook (.xlsx) or a CSV file`;
  if (file.size > MAX_UPLOAD_BYTES) return UPLOAD_MESSAGES.tooLarge;
  return null;
}

const examples = (samples: string[]) => (samples.length === 0 ? "The column is empty." : `For example: ${samples.join("; ")}`);

/** The mapping's problems, each beside the control that can fix it. */
function mappingErrors(mapping: TrackerMapping, view: TrackerSheetView, findingsView: TrackerSheetView | null, needsPlan: boolean, areaName: string): FieldError[] {
  const errors: FieldError[] = [];
  const parsed = trackerMappingSchema.safeParse(mapping);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second, third] = issue.path;
      let field = columnId(0);
      if (first === "columns" && typeof second === "string") field = columnId(Math.max(0, view.columns.findIndex((c) => c.header === second)));
      if (first === "findings" && findingsView) {
        const at = typeof third === "string" ? findingsView.columns.findIndex((c) => c.header === third) : 0;
        field = findingsColumnId(Math.max(0, at));
      }
      if (!errors.some((e) => e.message === issue.message)) errors.push({ field, message: issue.message });
    }
  }
  if (needsPlan && !mapping.planType) errors.push({ field: PLAN_TYPE_FIELD, message: `Choose the type of plan: ${areaName} has no current plan, so the import starts one` });
  return errors;
}

export function TrackerImport({ slug, areaName }: { slug: string; areaName: string }) {
  const { refresh } = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<TrackerColumns | null>(null);
  const [mapping, setMapping] = useState<TrackerMapping | null>(null);
  /** The mapping last checked: what "Apply" sends. */
  const [checked, setChecked] = useState<TrackerMapping | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<"columns" | "preview" | "apply" | null>(null);
  const columnsHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Take keyboard and screen-reader users to what has just appeared.
  useEffect(() => {
    if (columns) columnsHeading.current?.focus();
  }, [columns]);
  useEffect(() => {
    if (check || done) resultHeading.current?.focus();
  }, [check, done]);

  const busy = pending !== null;
  const view = columns?.sheets.find((s) => s.name === mapping?.sheet) ?? null;
  const findingsView = mapping?.findings ? (columns?.sheets.find((s) => s.name === mapping.findings!.sheet) ?? null) : null;

  function change(next: TrackerMapping) {
    setMapping(next);
    setCheck(null);
    setChecked(null);
    setDone(null);
  }

  function onChoose(event: React.ChangeEvent<HTMLInputElement>) {
    setFile(event.target.files?.[0] ?? null);
    setColumns(null);
    setMapping(null);
    setCheck(null);
    setChecked(null);
    setDone(null);
    setErrors([]);
  }

  async function onRead(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setErrors([]);
    setDone(null);
    const problem = problemWith(file);
    if (problem || !file) return setErrors([{ field: FILE, message: problem ?? UPLOAD_MESSAGES.none }]);
    setPending("columns");
    try {
      const read = await sendTracker(slug, "columns", file);
      setColumns(read);
      setMapping(read.suggestion);
      setCheck(null);
      setChecked(null);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setPending(null);
    }
  }

  async function onCheck(event: React.FormEvent) {
    event.preventDefault();
    if (busy || !file || !mapping || !view || !columns) return;
    setAttempt((n) => n + 1);
    setDone(null);
    const problems = mappingErrors(mapping, view, findingsView, columns.needsPlan, areaName);
    setErrors(problems);
    if (problems.length > 0) return;
    setPending("preview");
    try {
      setCheck(await sendTracker(slug, "preview", file, mapping));
      setChecked(mapping);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setPending(null);
    }
  }

  async function onApply() {
    if (!file || !checked || busy) return;
    setAttempt((n) => n + 1);
    setErrors([]);
    setPending("apply");
    try {
      const result = await sendTracker(slug, "apply", file, checked);
      if (result.status === "refused") {
        // The plan changed since the check, and the tracker no longer fits it.
        setCheck(result);
        return;
      }
      setCheck(null);
      setDone({ status: result.status, created: result.summary.created, updated: result.summary.updated, mappingSaved: result.mappingSaved });
      refresh();
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setPending(null);
    }
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const canApply = check !== null && check.errorCount === 0 && check.changeCount > 0;
  const sheetOptions = (columns?.sheets ?? []).map((s) => ({ value: s.name, label: `${s.name} (${pluralise(s.rowCount, "row")})` }));

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={onRead} noValidate aria-label="Choose your tracker" className="mb-8">
        <FormField
          id={FILE}
          label="Your tracker"
          hint={`One Excel workbook (.xlsx) or CSV file with your own column names, up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. You choose what each column holds before anything is imported.`}
          error={errorFor(FILE)}
        >
          <input
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={onChoose}
            className="block w-full max-w-md border-2 bg-white p-1.5 text-base"
          />
        </FormField>
        <button type="submit" className={buttonClass.secondary} disabled={busy}>
          {pending === "columns" ? "Reading the columns…" : "Read the columns"}
        </button>
      </form>

      <div role="status" aria-live="polite" className="sr-only">
        {pending === "columns" ? "Reading the tracker's columns…" : pending === "preview" ? "Checking the import…" : pending === "apply" ? "Importing…" : ""}
      </div>

      {columns && mapping ? (
        <section aria-labelledby="tracker-columns-heading" className="mb-8">
          <h3 id="tracker-columns-heading" ref={columnsHeading} tabIndex={-1} className="mb-2 text-xl">
            What each column holds
          </h3>
          {columns.sheets.length === 0 || columns.sheets.every((s) => s.columns.length === 0) ? (
            <p className="mb-4">{columns.file} has no columns to import. Check it is your tracker, with a row of column names above the actions.</p>
          ) : (
            // break-words: a sample value with no spaces (an address, a long code) still fits a narrow screen.
            <form onSubmit={onCheck} noValidate aria-labelledby="tracker-columns-heading" className="break-words">
              <p className="mb-4 max-w-2xl">
                {columns.remembered
                  ? `These are the choices saved when ${areaName}'s tracker was last imported. Check them: a column may have moved or changed.`
                  : "Headway has guessed what each column holds from its name and its values. Check each one and change any that are wrong; a column left as “Not imported” is ignored."}
              </p>
              {columns.sheets.length > 1 ? (
                <>
                  <FormField id={SHEET} label="The sheet with the actions" error={errorFor(SHEET)}>
                    <Select
                      placeholder="Choose the sheet"
                      options={sheetOptions}
                      value={mapping.sheet}
                      onChange={(e) => {
                        const next = columns.sheets.find((s) => s.name === e.target.value);
                        if (!next) return;
                        change({ ...mapping, sheet: next.name, headerRow: next.headerRow, columns: next.guess, findings: mapping.findings?.sheet === next.name ? null : mapping.findings });
                      }}
                    />
                  </FormField>
                  <FormField
                    id={FINDINGS_SHEET}
                    label="Where the findings are"
                    hint="In a column beside each action (like “Area of weakness”), or on a sheet of their own."
                  >
                    <Select
                      placeholder="In a column of the actions sheet"
                      options={sheetOptions.filter((o) => o.value !== mapping.sheet)}
                      value={mapping.findings?.sheet ?? ""}
                      onChange={(e) => {
                        const next = columns.sheets.find((s) => s.name === e.target.value);
                        change({ ...mapping, findings: next ? { sheet: next.name, headerRow: next.headerRow, columns: next.findingsGuess } : null });
                      }}
                    />
                  </FormField>
                </>
              ) : null}

              {view ? (
                <Fieldset
                  id="tracker-columns"
                  legend={columns.sheets.length > 1 ? `The columns of “${view.name}”` : "The columns"}
                  legendSize="m"
                  hint={`Column names read from row ${view.headerRow}; ${pluralise(view.rowCount, "row")} below them.`}
                >
                  {view.columns.map((c, i) => (
                    <FormField key={`${c.header}-${i}`} id={columnId(i)} label={c.header} hint={examples(c.samples)} error={errorFor(columnId(i))}>
                      <Select
                        placeholder="Not imported"
                        options={FIELD_OPTIONS}
                        value={mapping.columns[c.header] ?? ""}
                        onChange={(e) => {
                          const { [c.header]: _old, ...rest } = mapping.columns;
                          change({ ...mapping, columns: e.target.value ? { ...rest, [c.header]: e.target.value as keyof typeof TRACKER_FIELDS } : rest });
                        }}
                      />
                    </FormField>
                  ))}
                </Fieldset>
              ) : null}

              {findingsView && mapping.findings ? (
                <Fieldset id="tracker-findings-columns" legend={`The columns of “${findingsView.name}”`} legendSize="m" hint={`Column names read from row ${findingsView.headerRow}.`}>
                  {findingsView.columns.map((c, i) => (
                    <FormField key={`${c.header}-${i}`} id={findingsColumnId(i)} label={c.header} hint={examples(c.samples)} error={errorFor(findingsColumnId(i))}>
                      <Select
                        placeholder="Not imported"
                        options={FINDINGS_FIELD_OPTIONS}
                        value={mapping.findings!.columns[c.header] ?? ""}
                        onChange={(e) => {
                          const findings = mapping.findings!;
                          const { [c.header]: _old, ...rest } = findings.columns;
                          const value = e.target.value as (typeof FINDINGS_SHEET_FIELDS)[number] | "";
                          change({ ...mapping, findings: { ...findings, columns: value ? { ...rest, [c.header]: value } : rest } });
                        }}
                      />
                    </FormField>
                  ))}
                </Fieldset>
              ) : null}

              <FormField id="tracker-finding-kind" label="Kind of finding" hint="What the inspection letter calls the findings your tracker lists.">
                <Select
                  placeholder={`As the inspection framework says (${FINDING_KIND[columns.defaultFindingKind]})`}
                  options={optionsOf(FINDING_KIND)}
                  value={mapping.findingKind ?? ""}
                  onChange={(e) => change({ ...mapping, findingKind: (e.target.value || null) as TrackerMapping["findingKind"] })}
                />
              </FormField>

              {columns.needsPlan ? (
                <FormField id={PLAN_TYPE_FIELD} label="Type of plan" hint={`${areaName} has no current plan: the import starts one.`} error={errorFor(PLAN_TYPE_FIELD)}>
                  <Select
                    placeholder="Choose the type of plan"
                    options={optionsOf(PLAN_TYPE)}
                    value={mapping.planType ?? ""}
                    onChange={(e) => change({ ...mapping, planType: (e.target.value || null) as TrackerMapping["planType"] })}
                  />
                </FormField>
              ) : null}

              <button type="submit" className={buttonClass.secondary} disabled={busy}>
                {pending === "preview" ? "Checking…" : "Check the import"}
              </button>
            </form>
          )}
        </section>
      ) : null}

      {check ? (
        <section aria-labelledby="tracker-result">
          <h3 id="tracker-result" ref={resultHeading} tabIndex={-1} className="mb-4 text-xl">
            {check.errorCount > 0
              ? "The tracker cannot be imported yet"
              : check.changeCount === 0
                ? "Nothing to import"
                : `Ready to import: ${pluralise(check.summary.created, "new record")}, ${check.summary.updated} updated`}
          </h3>
          <p className="mb-6 text-secondary">Checked {file?.name} with the columns chosen above. Nothing has been changed yet.</p>
          <ImportReport check={check} idPrefix="tracker" />
          <div className="mb-8 flex flex-wrap items-center gap-4">
            <button type="button" className={buttonClass.primary} disabled={!canApply || busy} aria-describedby="tracker-apply-hint" onClick={onApply}>
              {pending === "apply" ? "Importing…" : "Apply the import"}
            </button>
            <p id="tracker-apply-hint" className="text-secondary">
              {check.errorCount > 0
                ? "Fix the problems in the tracker, or the columns chosen, and check it again."
                : check.changeCount === 0
                  ? "There is nothing to apply."
                  : `Everything above is imported together into ${areaName}'s plan, or nothing is. The column choices are saved for next time.`}
            </p>
          </div>
        </section>
      ) : null}

      {done ? (
        <section aria-labelledby="tracker-result" className={`mb-8 p-4 ${successPanelClass}`}>
          <h3 id="tracker-result" ref={resultHeading} tabIndex={-1} className="mb-2 text-xl">
            {done.status === "applied" ? "Import complete" : "Nothing to import"}
          </h3>
          <p className="mb-4">
            {done.status === "applied"
              ? `${pluralise(done.created, "record")} created and ${done.updated} updated in ${areaName}'s plan.`
              : "The tracker matches the plan, so nothing was changed."}
            {done.mappingSaved ? " The column choices are saved for the next upload." : ""}
          </p>
          <p>
            <Link href={routes.area(slug)} className="font-bold">
              Go to {areaName}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
