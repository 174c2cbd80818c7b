"use client";
/**
 * The plan lead's withdrawal of one piece of evidence (a file shared by mistake, say): behind a
 * "Withdraw" button, a reason and a confirming button. The file is deleted for good; the item
 * stays in the list saying who withdrew it, when and why.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, useFormFeedback } from "@/components/forms/form-feedback";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";
import { withdrawEvidenceSchema, type WithdrawEvidenceInput } from "@/server/schemas/evidence";
import type { z } from "zod";

type Withdrawable = { id: string; title: string; file: { name: string } | null };

export function WithdrawControls({ item, onChanged }: { item: Withdrawable; onChanged: (message: string) => void | Promise<void> }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className={`${buttonClass.secondary} mt-2`} onClick={() => setOpen(true)}>
        Withdraw<span className="sr-only"> {item.title}</span>
      </button>
    );
  }
  return <WithdrawForm item={item} onChanged={onChanged} onCancel={() => setOpen(false)} />;
}

function WithdrawForm({
  item,
  onChanged,
  onCancel,
}: {
  item: Withdrawable;
  onChanged: (message: string) => void | Promise<void>;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const withdraw = useMutation(trpc.evidence.withdraw.mutationOptions());
  const form = useForm<z.input<typeof withdrawEvidenceSchema>, unknown, WithdrawEvidenceInput>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(withdrawEvidenceSchema),
    defaultValues: { id: item.id, reason: "" },
  });
  const prefix = `withdraw-${item.id}`;
  const feedback = useFormFeedback(prefix, form);
  const { errors } = form.formState;

  // The list says what was done (onChanged), so the form has no notice of its own.
  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      await withdraw.mutateAsync(values);
      await onChanged(`You withdrew “${item.title}”.`);
      return "";
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Withdraw ${item.title}`} className="panel-border mt-3 pl-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <p className="mb-2 font-bold">
        {item.file
          ? `Withdrawing deletes the file ${item.file.name} for good. The item stays here, saying who withdrew it and why.`
          : "Withdrawing removes the link for good. The item stays here, saying who withdrew it and why."}
      </p>
      <FormField id={`${prefix}-reason`} label="Why are you withdrawing it?" hint="Everyone who can see this evidence will see your reason." error={errors.reason?.message}>
        <textarea rows={2} className={inputClass} {...form.register("reason")} />
      </FormField>
      <div className="flex flex-wrap gap-4">
        <button type="submit" className={buttonClass.warning} disabled={withdraw.isPending}>
          {withdraw.isPending ? "Withdrawing…" : "Yes, withdraw it"}
          <span className="sr-only"> ({item.title})</span>
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={withdraw.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
