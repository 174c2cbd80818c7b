"use client";
/** An adviser approves or rejects one change request; a rejection says why. */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useAnnounceDecision } from "@/components/change-requests/decision-notice";
import { useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass } from "@/components/ui/form-field";

export function DecideForm({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const announce = useAnnounceDecision();
  const prefix = `decide-${id}`;
  const feedback = useFormFeedback(prefix);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const decide = useMutation(trpc.changeRequest.decide.mutationOptions());

  function run(decision: "APPROVE" | "REJECT") {
    setAttempt((n) => n + 1);
    if (decision === "REJECT" && note.trim() === "") {
      setNoteError("Say why the change is rejected");
      return;
    }
    setNoteError(undefined);
    void feedback.submit(async () => {
      await decide.mutateAsync({ id, decision, note });
      const message = decision === "APPROVE" ? "The change has been approved and applied." : "The change has been rejected.";
      announce(message);
      refresh();
      return message;
    });
  }

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label={`Decide: ${label}`}>
      <ErrorSummary errors={[...(noteError ? [{ field: `${prefix}-note`, message: noteError }] : []), ...feedback.summary({})]} attempt={attempt} />
      <FormField id={`${prefix}-note`} label="Note on your decision (needed to reject)" error={noteError}>
        <textarea rows={2} className={`${inputClass} max-w-xl`} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      <div className="flex flex-wrap gap-4">
        <button type="button" className={buttonClass.primary} disabled={decide.isPending} onClick={() => run("APPROVE")}>
          Approve<span className="sr-only"> {label}</span>
        </button>
        <button type="button" className={buttonClass.warning} disabled={decide.isPending} onClick={() => run("REJECT")}>
          Reject<span className="sr-only"> {label}</span>
        </button>
      </div>
    </form>
  );
}
