"use client";
/**
 * Add evidence to an action, finding or measure: a link, or a file uploaded through
 * /api/evidence. The browser checks the same schema as the server (size and type included);
 * the server also checks the file's content, and its refusal lands against the field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch, type DefaultValues } from "react-hook-form";
import { EVIDENCE_KIND, VISIBILITY } from "@/lib/labels";
import { EVIDENCE_KIND_HINT, VISIBILITY_HINT } from "@/components/evidence/labels";
import { RadioGroup } from "@/components/evidence/radio-group";
import { EvidenceUploadError, uploadEvidenceFile } from "@/components/evidence/upload";
import { FORM_BEHAVIOUR, Notice } from "@/components/forms/form-feedback";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { EvidenceKind, Visibility } from "@/server/generated/prisma/enums";
import {
  addEvidenceFormSchema,
  EVIDENCE_ACCEPT,
  type AddEvidenceFormOutput,
  type AddEvidenceFormValues,
  type EvidenceTarget,
} from "@/server/schemas/evidence";

const SOURCE_OPTIONS = [
  { value: "FILE", label: "A file", hint: "PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG, smaller than 20 MB." },
  { value: "LINK", label: "A link", hint: "A page or document on the web or your organisation's intranet." },
] as const;
const KIND_OPTIONS = Object.values(EvidenceKind).map((k) => ({ value: k, label: EVIDENCE_KIND[k], hint: EVIDENCE_KIND_HINT[k] }));
const VISIBILITY_OPTIONS = Object.values(Visibility).map((v) => ({ value: v, label: VISIBILITY[v], hint: VISIBILITY_HINT[v] }));

const FIELDS = ["source", "title", "description", "kind", "visibility", "url", "file"] as const;
type Field = (typeof FIELDS)[number];
const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

// No choice made for the source or the kind: people choose them (GOV.UK radios are not preselected).
const DEFAULTS: DefaultValues<AddEvidenceFormValues> = {
  title: "",
  description: "",
  // The narrowest audience unless the person chooses a wider one.
  visibility: "INTERNAL",
  url: "",
};

export function AddEvidenceForm({
  target,
  onAdded,
  headingLevel = 3,
}: {
  target: EvidenceTarget;
  /** Called after the evidence is saved: the section refreshes the page (components/forms/use-refresh.ts). */
  onAdded?: () => void | Promise<void>;
  headingLevel?: 2 | 3 | 4;
}) {
  const prefix = `evidence-${target.actionId ?? target.findingId ?? target.measureId}`;
  const Heading = `h${headingLevel}` as const;
  const trpc = useTRPC();
  const addLink = useMutation(trpc.evidence.addLink.mutationOptions());
  const [uploading, setUploading] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<AddEvidenceFormValues, unknown, AddEvidenceFormOutput>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(addEvidenceFormSchema),
    defaultValues: DEFAULTS,
  });
  const { errors } = form.formState;
  const source = useWatch({ control: form.control, name: "source" });
  const busy = uploading || addLink.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    setServerErrors([]);
    setNotice(null);
    const fields = { title: values.title, description: values.description, kind: values.kind, visibility: values.visibility };
    try {
      if (values.source === "LINK") {
        await addLink.mutateAsync({ ...target, ...fields, url: values.url ?? "" });
      } else {
        const file = (values.file as FileList)[0]!;
        setUploading(true);
        try {
          await uploadEvidenceFile({ target, ...fields, file });
        } finally {
          setUploading(false);
        }
      }
      form.reset(DEFAULTS);
      await onAdded?.();
      setNotice(`“${values.title}” was added. It is awaiting review by the plan lead.`);
    } catch (error) {
      // A refusal that names one of the form's fields is shown beside it; the rest in the summary alone.
      const refusals =
        error instanceof EvidenceUploadError
          ? Object.keys(error.fieldErrors).length
            ? Object.entries(error.fieldErrors).map(([field, message]) => ({ field: `${prefix}-${field}`, message }))
            : [{ field: "", message: error.message }]
          : errorsFrom(error, prefix);
      const general: FieldError[] = [];
      for (const { field, message } of refusals) {
        const name = field.slice(prefix.length + 1);
        if (field && isField(name)) form.setError(name, { type: "server", message });
        else general.push({ field: "", message });
      }
      setServerErrors(general);
    }
  });

  const summary: FieldError[] = [
    ...Object.entries(errors).map(([field, e]) => ({ field: `${prefix}-${field}`, message: String(e?.message ?? "") })),
    ...serverErrors,
  ];

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="mt-8 max-w-2xl">
      <Heading id={`${prefix}-heading`} className="mb-4 text-xl">
        Add evidence
      </Heading>
      <ErrorSummary errors={summary} attempt={form.formState.submitCount} />
      <Notice text={notice} />
      <RadioGroup
        id={`${prefix}-source`}
        legend="What are you adding?"
        error={errors.source?.message}
        options={SOURCE_OPTIONS}
        registration={form.register("source")}
      />
      {source === "FILE" ? (
        <FormField id={`${prefix}-file`} label="File" hint="PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG, smaller than 20 MB." error={errors.file?.message}>
          <input type="file" accept={EVIDENCE_ACCEPT} className="block max-w-full text-base" {...form.register("file")} />
        </FormField>
      ) : null}
      {source === "LINK" ? (
        <FormField id={`${prefix}-url`} label="Web address" hint="Starting with https:// or http://" error={errors.url?.message}>
          <input type="url" inputMode="url" autoComplete="off" spellCheck={false} className={inputClass} {...form.register("url")} />
        </FormField>
      ) : null}
      <FormField id={`${prefix}-title`} label="Title" hint="What it is, in a few words, like “Minutes of the June workshop with parents”." error={errors.title?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("title")} />
      </FormField>
      <FormField id={`${prefix}-description`} label="Description (optional)" hint="What it shows and why it matters." error={errors.description?.message}>
        <textarea rows={3} className={inputClass} {...form.register("description")} />
      </FormField>
      <RadioGroup
        id={`${prefix}-kind`}
        legend="What kind of evidence is it?"
        error={errors.kind?.message}
        options={KIND_OPTIONS}
        registration={form.register("kind")}
      />
      <RadioGroup
        id={`${prefix}-visibility`}
        legend="Who can see it?"
        error={errors.visibility?.message}
        options={VISIBILITY_OPTIONS}
        registration={form.register("visibility")}
      />
      <button type="submit" className={buttonClass.primary} disabled={busy}>
        {uploading ? "Uploading…" : addLink.isPending ? "Adding…" : "Add evidence"}
      </button>
    </form>
  );
}
