"use client";
/**
 * The forum adds its own evidence (a survey's results, say) to an action or a finding: a link,
 * or a file through /api/evidence on the forum's path. Shared with partners or the public,
 * never internal: the forum could not read internal evidence back.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { RadioGroupPlain } from "@/components/forum/radio-group-plain";
import { EvidenceUploadError, uploadEvidenceFile } from "@/components/evidence/upload";
import { Notice } from "@/components/forms/form-feedback";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { EVIDENCE_ACCEPT, evidenceUrl, fileProblem } from "@/server/schemas/evidence";

const PREFIX = "forum-evidence";
const VISIBILITY_OPTIONS = [
  { value: "PARTNERS", label: "The council and its partners", hint: "Everyone working on the plan, and advisers." },
  { value: "PUBLIC", label: "Also families and the public", hint: "Shown on the public page once the plan lead has accepted it." },
];
const KIND_OPTIONS = [
  { value: "IMPACT", label: "Impact", hint: "What changed for families, like survey results." },
  { value: "ACTIVITY", label: "Activity", hint: "What was done, like notes of a meeting." },
];

type Values = { target: string; source: string; url: string; title: string; description: string; kind: string; visibility: string };
const EMPTY: Values = { target: "", source: "", url: "", title: "", description: "", kind: "", visibility: "" };

export function ForumEvidenceForm({ targets }: { targets: Array<{ value: string; label: string }> }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const addLink = useMutation(trpc.forum.addEvidenceLink.mutationOptions());
  const [values, setValues] = useState<Values>(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const errorOf = (name: string) => errors.find((e) => e.field === `${PREFIX}-${name}`)?.message;

  function check(): FieldError[] {
    const problems: Array<[string, string | null]> = [
      ["target", values.target ? null : "Select what the evidence is about"],
      ["source", values.source ? null : "Select whether you are adding a link or a file"],
      ["url", values.source === "LINK" ? (evidenceUrl.safeParse(values.url).error?.issues[0]?.message ?? null) : null],
      ["file", values.source === "FILE" ? (file ? fileProblem(file) : "Select a file to upload") : null],
      ["title", values.title.trim() ? null : "Enter a title"],
      ["kind", values.kind ? null : "Select whether this is evidence of activity or of impact"],
      ["visibility", values.visibility ? null : "Select who can see this evidence"],
    ];
    return problems.filter(([, m]) => m).map(([field, message]) => ({ field: `${PREFIX}-${field}`, message: message! }));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setNotice(null);
    const problems = check();
    setErrors(problems);
    if (problems.length) return;
    const [kind, id] = values.target.split(":");
    const target = kind === "action" ? { actionId: id } : { findingId: id };
    const fields = {
      title: values.title,
      description: values.description,
      kind: values.kind as "IMPACT" | "ACTIVITY",
      visibility: values.visibility as "PARTNERS" | "PUBLIC",
    };
    setBusy(true);
    try {
      if (values.source === "LINK") await addLink.mutateAsync({ ...target, ...fields, url: values.url });
      else await uploadEvidenceFile({ target, ...fields, file: file!, path: "forum" });
      setValues(EMPTY);
      setFile(null);
      setFileKey((k) => k + 1);
      setNotice(`“${fields.title}” was added as the forum's evidence.`);
      refresh();
    } catch (error) {
      setErrors(
        error instanceof EvidenceUploadError
          ? Object.keys(error.fieldErrors).length
            ? Object.entries(error.fieldErrors).map(([field, message]) => ({ field: `${PREFIX}-${field}`, message }))
            : [{ field: "", message: error.message }]
          : errorsFrom(error, PREFIX),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${PREFIX}-heading`} className="max-w-2xl">
      <h3 id={`${PREFIX}-heading`} className="mb-4 text-xl">
        Add the forum&apos;s evidence
      </h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <Notice text={notice} />
      <FormField id={`${PREFIX}-target`} label="What is it about?" error={errorOf("target")}>
        <Select placeholder="Choose an action or finding" options={targets} value={values.target} onChange={set("target")} />
      </FormField>
      <RadioGroupPlain
        id={`${PREFIX}-source`}
        legend="What are you adding?"
        error={errorOf("source")}
        options={[
          { value: "FILE", label: "A file", hint: "PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG, smaller than 20 MB." },
          { value: "LINK", label: "A link", hint: "A page or document on the web." },
        ]}
        value={values.source}
        onChange={set("source")}
      />
      {values.source === "FILE" ? (
        <FormField id={`${PREFIX}-file`} label="File" error={errorOf("file")}>
          <input key={fileKey} type="file" accept={EVIDENCE_ACCEPT} className="block max-w-full text-base" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </FormField>
      ) : null}
      {values.source === "LINK" ? (
        <FormField id={`${PREFIX}-url`} label="Web address" hint="Starting with https:// or http://" error={errorOf("url")}>
          <input type="url" inputMode="url" autoComplete="off" spellCheck={false} className={inputClass} value={values.url} onChange={set("url")} />
        </FormField>
      ) : null}
      <FormField id={`${PREFIX}-title`} label="Title" hint="Like “Forum survey on annual reviews, spring term”." error={errorOf("title")}>
        <input type="text" autoComplete="off" className={inputClass} value={values.title} onChange={set("title")} />
      </FormField>
      <FormField id={`${PREFIX}-description`} label="Description (optional)" error={errorOf("description")}>
        <textarea rows={3} className={inputClass} value={values.description} onChange={set("description")} />
      </FormField>
      <RadioGroupPlain id={`${PREFIX}-kind`} legend="What kind of evidence is it?" error={errorOf("kind")} options={KIND_OPTIONS} value={values.kind} onChange={set("kind")} />
      <RadioGroupPlain
        id={`${PREFIX}-visibility`}
        legend="Who can see it?"
        error={errorOf("visibility")}
        options={VISIBILITY_OPTIONS}
        value={values.visibility}
        onChange={set("visibility")}
      />
      <button type="submit" className={buttonClass.primary} disabled={busy}>
        {busy ? "Adding…" : "Add evidence"}
      </button>
    </form>
  );
}
