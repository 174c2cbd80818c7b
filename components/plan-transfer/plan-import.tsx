"use client";
/**
 * Import a plan workbook: choose the file (one .xlsx, or CSV files named after the sheets), check
 * it (nothing changes), then apply it. The same checks run again on the server when applying.
 * Into an area's current plan, or (no `into`: the administrator's page) as a new area that the
 * file's Plan sheet names.
 */
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ImportReport, type ImportCheck } from "@/components/plan-transfer/import-report";
import { sendNewAreaWorkbook, sendWorkbook, WorkbookUploadError } from "@/components/plan-transfer/send-workbook";
import { successPanelClass } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { pluralise } from "@/lib/format/plurals";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, UPLOAD_MESSAGES } from "@/server/schemas/plan-transfer";
import { routes } from "@/lib/routes";

const FIELD = "import-files";

type Done = { status: "applied" | "unchanged"; created: number; updated: number; area: { name: string; slug: string } | null; started?: string | null };

type Into = { slug: string; areaName: string } | null;

function send(into: Into, mode: "preview" | "apply", files: readonly File[]): Promise<ImportCheck & { status?: string; area?: { name: string; slug: string } | null }> {
  return into ? sendWorkbook(into.slug, mode as "apply", files) : sendNewAreaWorkbook(mode, files);
}

/** The browser's own checks, before anything is sent. */
function problemWith(files: File[]): string | null {
  if (files.length === 0) return UPLOAD_MESSAGES.none;
  const other = files.find((f) => !/\.(xlsx|csv|json)$/i.test(f.name));
  if (other) return `${other.name} is not an Excel workbook (.xlsx), a CSV file or a plan exported as JSON (.json)`;
  if (files.some((f) => /\.json$/i.test(f.name)) && files.length > 1) return "Choose one plan.json file, or a workbook, not both";
  const workbooks = files.filter((f) => /\.xlsx$/i.test(f.name)).length;
  if (workbooks > 1 || (workbooks === 1 && files.length > 1)) return "Choose one workbook (.xlsx), or CSV files, not both";
  if (files.length > MAX_UPLOAD_FILES) return UPLOAD_MESSAGES.tooMany;
  if (files.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) return UPLOAD_MESSAGES.tooLarge;
  return null;
}

/** The server's refusal as the error summary shows it: beside the field when it is about the files. */
function errorsOf(error: unknown): FieldError[] {
  if (error instanceof WorkbookUploadError) return [{ field: error.aboutFiles ? FIELD : "", message: error.message }];
  return [{ field: "", message: "Something went wrong and nothing was saved. Try again." }];
}

export function PlanImport({ into }: { into: Into }) {
  const { refresh } = useRefresh();
  const [files, setFiles] = useState<File[]>([]);
  /** The files last checked: what "Apply" sends. */
  const [checked, setChecked] = useState<File[] | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<"preview" | "apply" | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Take keyboard and screen-reader users to the result when it appears.
  useEffect(() => {
    if (check || done) resultHeading.current?.focus();
  }, [check, done]);

  const busy = pending !== null;

  async function onCheck(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setErrors([]);
    setCheck(null);
    setDone(null);
    const problem = problemWith(files);
    if (problem) return setErrors([{ field: FIELD, message: problem }]);
    setPending("preview");
    try {
      const result = await send(into, "preview", files);
      setChecked(files);
      setCheck(result);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setPending(null);
    }
  }

  async function onApply() {
    if (!checked || busy) return;
    setAttempt((n) => n + 1);
    setErrors([]);
    setPending("apply");
    try {
      const result = await send(into, "apply", checked);
      if (result.status === "refused") {
        // The plan changed since the check, and the file no longer fits it.
        setCheck(result);
        return;
      }
      setCheck(null);
      setDone({
        status: result.status === "unchanged" ? "unchanged" : "applied",
        created: result.summary.created,
        updated: result.summary.updated,
        // An administrator who starts an area does not read its plan (that takes a role in it): no link there.
        area: into ? { name: into.areaName, slug: into.slug } : null,
        ...(into ? {} : { started: result.area?.name ?? null }),
      });
      // The page above (the plan's counts) reads the plan again; this component keeps its message.
      refresh();
    } catch (error) {
      // The check stays on the page, so the import can be tried again as it was.
      setErrors(errorsOf(error));
    } finally {
      setPending(null);
    }
  }

  function onChoose(event: React.ChangeEvent<HTMLInputElement>) {
    setFiles(Array.from(event.target.files ?? []));
    setChecked(null);
    setCheck(null);
    setDone(null);
    setErrors([]);
  }

  const fieldError = errors.find((e) => e.field === FIELD)?.message;
  const canApply = check !== null && check.errorCount === 0 && check.changeCount > 0;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={onCheck} noValidate aria-labelledby={into ? "import-heading" : "area-from-file"} className="mb-8">
        <FormField
          id={FIELD}
          label="Workbook, CSV files or plan.json"
          hint={`One Excel workbook (.xlsx), CSV files named after the sheets (Plan.csv, Findings.csv and so on), or the plan exported as JSON (.json). Up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`}
          error={fieldError}
        >
          <input
            type="file"
            multiple
            accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
            onChange={onChoose}
            className="block w-full max-w-md border-2 bg-white p-1.5 text-base"
          />
        </FormField>
        <button type="submit" className={buttonClass.secondary} disabled={busy}>
          {pending === "preview" ? "Checking…" : "Check the file"}
        </button>
      </form>

      <div role="status" aria-live="polite" className="sr-only">
        {pending === "preview" ? "Checking the file…" : pending === "apply" ? "Importing…" : ""}
      </div>

      {check ? (
        <section aria-labelledby="import-result">
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="mb-4 text-2xl">
            {check.errorCount > 0
              ? "The file cannot be imported yet"
              : check.changeCount === 0
                ? "Nothing to import"
                : `Ready to import: ${pluralise(check.summary.created, "new record")}, ${check.summary.updated} updated`}
          </h2>
          <p className="mb-6 text-secondary">Checked {(checked ?? files).map((f) => f.name).join(", ")}. Nothing has been changed yet.</p>
          <ImportReport check={check} />
          <div className="mb-8 flex flex-wrap items-center gap-4">
            <button type="button" className={buttonClass.primary} disabled={!canApply || busy} aria-describedby="apply-hint" onClick={onApply}>
              {pending === "apply" ? "Importing…" : into ? "Apply the import" : "Start the area"}
            </button>
            <p id="apply-hint" className="text-secondary">
              {check.errorCount > 0
                ? "Fix the problems in the file and check it again."
                : check.changeCount === 0
                  ? "There is nothing to apply."
                  : into
                    ? `Everything above is imported together into ${into.areaName}'s plan, or nothing is.`
                    : "The new area and everything above are made together, or nothing is."}
            </p>
          </div>
        </section>
      ) : null}

      {done ? (
        <section aria-labelledby="import-result" className={`mb-8 p-4 ${successPanelClass}`}>
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="mb-2 text-2xl">
            {done.status === "applied" ? (into ? "Import complete" : `${done.started ?? "The area"} has been started`) : "Nothing to import"}
          </h2>
          <p className="mb-4">
            {done.status === "applied"
              ? into
                ? `${pluralise(done.created, "record")} created and ${done.updated} updated in ${into.areaName}'s plan.`
                : `${pluralise(done.created, "record")} created, the area and its council and parent carer forum among them. Give its plan lead and its people their roles from each person’s page, found under “People” above.`
              : "The file matches the plan, so nothing was changed."}
          </p>
          {done.area ? (
            <p>
              <Link href={routes.area(done.area.slug)} className="font-bold">
                Go to {done.area.name}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
