"use client";
/**
 * The one-screen check-in: what happened, progress, status, optionally a RAG set by hand with a
 * reason, and optionally a file as evidence. The update is saved first; if the file then fails,
 * the update stands and the owner is told to add the file again (nothing they typed is lost).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { uploadEvidenceFile } from "@/components/evidence/upload";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { ACTION_STATUS } from "@/lib/labels";
import type { ActionStatus, Rag } from "@/server/generated/prisma/enums";
import { checkInSchema, type CheckInInput } from "@/server/schemas/plan";

/**
 * A new idempotency key: 16 random bytes as hex. getRandomValues works on plain http too, where
 * crypto.randomUUID does not exist.
 */
function newSubmissionKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const STATUS_OPTIONS = Object.entries(ACTION_STATUS).map(([value, label]) => ({ value, label }));
const RAG_OPTIONS = [
  { value: "GREEN", label: "Green" },
  { value: "AMBER", label: "Amber" },
  { value: "RED", label: "Red" },
];

export type CheckInAction = {
  id: string;
  ref: string;
  status: ActionStatus;
  progress: number;
  ragOverride: Rag | null;
  ragOverrideReason: string | null;
};

export function CheckInForm({ action, headingLevel = 2 }: { action: CheckInAction; headingLevel?: 2 | 3 }) {
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const prefix = `checkin-${action.id}`;
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after a successful upload.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  // One key per update: every send of this update (a double click, a retry after a lost answer)
  // carries it, so the server stores it once; a new one after it is stored, for the next update.
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const defaults: CheckInInput = {
    actionId: action.id,
    narrative: "",
    progress: action.progress,
    status: action.status === "NOT_STARTED" ? "IN_PROGRESS" : action.status,
    ragOverride: action.ragOverride ?? "",
    ragOverrideReason: action.ragOverrideReason ?? "",
  };
  const form = useForm<CheckInInput>({ ...FORM_BEHAVIOUR, resolver: zodResolver(checkInSchema), defaultValues: defaults });
  const feedback = useFormFeedback(prefix, form);
  const post = useMutation(trpc.action.postUpdate.mutationOptions());
  const { errors } = form.formState;
  const override = useWatch({ control: form.control, name: "ragOverride" });
  const Heading = `h${headingLevel}` as const;

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      setFileProblem(null);
      await post.mutateAsync({ ...values, idempotencyKey: submissionKey });
      setSubmissionKey(newSubmissionKey());
      let fileNote = "";
      if (file) {
        try {
          // The file's name is its title until someone gives it a better one.
          await uploadEvidenceFile({ target: { actionId: action.id }, title: file.name.slice(0, 200), kind: "ACTIVITY", visibility: "INTERNAL", file });
          fileNote = ` ${file.name} was added as evidence, awaiting the plan lead's review.`;
          setFile(null);
          setFileInputKey((k) => k + 1);
        } catch (error) {
          setFileProblem(`Your update was posted, but ${file.name} was not added: ${(error as Error).message.replace(/\.?$/, ".")} Choose the file again to add it.`);
        }
      }
      form.reset({ ...values, narrative: "" });
      // One refresh for the update and the file: the timeline, the evidence list and the counts are all read on the server.
      refresh();
      return `Update posted for action ${action.ref}.${fileNote}`;
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`}>
      <Heading id={`${prefix}-heading`} className="mb-4 text-xl">
        Post an update on {action.ref}
      </Heading>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      {fileProblem ? (
        <p role="alert" className="mb-6 border-l-[5px] border-error p-3 font-bold text-error">
          {fileProblem}
        </p>
      ) : null}
      <FormField id={`${prefix}-narrative`} label="What has happened since the last update?" hint="Plain English: what was done, what it changed, what is next." error={errors.narrative?.message}>
        <textarea rows={4} className={`${inputClass} max-w-2xl`} {...form.register("narrative")} />
      </FormField>
      <div className="flex flex-wrap gap-x-8">
        <FormField id={`${prefix}-progress`} label="Progress (%)" error={errors.progress?.message}>
          <input type="number" inputMode="numeric" min={0} max={100} step={1} className={`${inputClass} w-28!`} {...form.register("progress", { valueAsNumber: true })} />
        </FormField>
        <FormField id={`${prefix}-status`} label="Status" error={errors.status?.message}>
          <Select placeholder="Choose a status" options={STATUS_OPTIONS} {...form.register("status")} />
        </FormField>
      </div>
      <FormField
        id={`${prefix}-ragOverride`}
        label="Set the RAG by hand (optional)"
        hint="Leave as worked out unless you know something the dates and progress do not show."
        error={errors.ragOverride?.message}
      >
        <Select placeholder="As worked out from progress and dates" options={RAG_OPTIONS} {...form.register("ragOverride")} />
      </FormField>
      {override ? (
        <FormField id={`${prefix}-ragOverrideReason`} label="Why are you setting the RAG by hand?" error={errors.ragOverrideReason?.message}>
          <textarea rows={2} className={`${inputClass} max-w-2xl`} {...form.register("ragOverrideReason")} />
        </FormField>
      ) : null}
      <FormField
        id={`${prefix}-file`}
        label="Attach a file as evidence (optional)"
        hint="PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG, up to 20 MB. Only the council and its partners see it until the plan lead reviews it."
      >
        <input key={fileInputKey} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block max-w-full text-base" accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.csv,.png,.jpg,.jpeg" />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={post.isPending || refreshing}>
        {post.isPending ? "Posting…" : "Post update"}
      </button>
    </form>
  );
}
