"use client";
/**
 * Import a plan workbook: choose the file (one .xlsx, or CSV files named after the sheets), check
 * it (nothing changes), then apply it. The same checks run again on the server when applying.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ImportReport, type ImportCheck } from "@/components/plan-transfer/import-report";
import { successPanelClass } from "@/components/forms/form-feedback";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { pluralise } from "@/lib/format/plurals";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, planImportSchema } from "@/server/schemas/plan-transfer";
import { routes } from "@/lib/routes";

const FIELD = "import-files";

type Upload = { name: string; base64: string }[];
type Done = { status: "applied" | "unchanged"; created: number; updated: number };

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The browser's own checks, before anything is sent. */
function problemWith(files: File[]): string | null {
  if (files.length === 0) return "Choose a workbook (.xlsx) or CSV files";
  const other = files.find((f) => !/\.(xlsx|csv)$/i.test(f.name));
  if (other) return `${other.name} is not an Excel workbook (.xlsx) or a CSV file`;
  const workbooks = files.filter((f) => /\.xlsx$/i.test(f.name)).length;
  if (workbooks > 1 || (workbooks === 1 && files.length > 1)) return "Choose one workbook (.xlsx), or CSV files, not both";
  if (files.length > MAX_UPLOAD_FILES) return `Choose at most ${MAX_UPLOAD_FILES} CSV files, one for each sheet`;
  if (files.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) return `The file must be smaller than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
  return null;
}

export function PlanImport({ slug, areaName }: { slug: string; areaName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useMutation(trpc.planTransfer.preview.mutationOptions());
  const apply = useMutation(trpc.planTransfer.applyImport.mutationOptions());
  const [files, setFiles] = useState<File[]>([]);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Take keyboard and screen-reader users to the result when it appears.
  useEffect(() => {
    if (check || done) resultHeading.current?.focus();
  }, [check, done]);

  const busy = preview.isPending || apply.isPending;

  async function onCheck(event: React.FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setErrors([]);
    setCheck(null);
    setDone(null);
    const problem = problemWith(files);
    if (problem) return setErrors([{ field: FIELD, message: problem }]);
    try {
      const payload = { slug, files: await Promise.all(files.map(async (f) => ({ name: f.name, base64: await base64Of(f) }))) };
      const valid = planImportSchema.safeParse(payload);
      if (!valid.success) return setErrors([{ field: FIELD, message: valid.error.issues[0]!.message }]);
      setUpload(payload.files);
      setCheck(await preview.mutateAsync(payload));
    } catch (error) {
      setErrors(errorsFrom(error, "import").map((e) => (e.field ? { ...e, field: FIELD } : e)));
    }
  }

  async function onApply() {
    if (!upload) return;
    setAttempt((n) => n + 1);
    setErrors([]);
    try {
      const result = await apply.mutateAsync({ slug, files: upload });
      if (result.status === "refused") {
        // The plan changed since the check, and the file no longer fits it.
        setCheck(result);
        return;
      }
      setCheck(null);
      setDone({ status: result.status, created: result.summary.created, updated: result.summary.updated });
      router.refresh();
    } catch (error) {
      setErrors(errorsFrom(error, "import"));
    }
  }

  function onChoose(event: React.ChangeEvent<HTMLInputElement>) {
    setFiles(Array.from(event.target.files ?? []));
    setUpload(null);
    setCheck(null);
    setDone(null);
    setErrors([]);
  }

  const fieldError = errors.find((e) => e.field === FIELD)?.message;
  const canApply = check !== null && check.errorCount === 0 && check.changeCount > 0;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={onCheck} noValidate aria-labelledby="import-heading" className="mb-8">
        <FormField
          id={FIELD}
          label="Workbook or CSV files"
          hint={`One Excel workbook (.xlsx), or CSV files named after the sheets (Plan.csv, Findings.csv and so on). Up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`}
          error={fieldError}
        >
          <input
            type="file"
            multiple
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={onChoose}
            className="block w-full max-w-md border-2 bg-white p-1.5 text-base"
          />
        </FormField>
        <button type="submit" className={buttonClass.secondary} disabled={busy}>
          {preview.isPending ? "Checking…" : "Check the file"}
        </button>
      </form>

      <div role="status" aria-live="polite" className="sr-only">
        {preview.isPending ? "Checking the file…" : apply.isPending ? "Importing…" : ""}
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
          <p className="mb-6 text-secondary">Checked {files.map((f) => f.name).join(", ")}. Nothing has been changed yet.</p>
          <ImportReport check={check} />
          <div className="mb-8 flex flex-wrap items-center gap-4">
            <button type="button" className={buttonClass.primary} disabled={!canApply || busy} aria-describedby="apply-hint" onClick={onApply}>
              {apply.isPending ? "Importing…" : "Apply the import"}
            </button>
            <p id="apply-hint" className="text-secondary">
              {check.errorCount > 0
                ? "Fix the problems in the file and check it again."
                : check.changeCount === 0
                  ? "There is nothing to apply."
                  : `Everything above is imported together into ${areaName}'s plan, or nothing is.`}
            </p>
          </div>
        </section>
      ) : null}

      {done ? (
        <section aria-labelledby="import-result" className={`mb-8 p-4 ${successPanelClass}`}>
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="mb-2 text-2xl">
            {done.status === "applied" ? "Import complete" : "Nothing to import"}
          </h2>
          <p className="mb-4">
            {done.status === "applied"
              ? `${pluralise(done.created, "record")} created and ${done.updated} updated in ${areaName}'s plan.`
              : "The file matches the plan, so nothing was changed."}
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
