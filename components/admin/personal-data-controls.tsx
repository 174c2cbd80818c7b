"use client";
/**
 * An administrator's answers to a person's request (PRIVACY.md): everything Headway holds about
 * them as one JSON file, and erasure behind a confirmation (the name and email become a pseudonym
 * everywhere; it cannot be undone).
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Notice } from "@/components/forms/form-feedback";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";

type Export = RouterOutputs["personalData"]["export"];

export function PersonalDataControls({ userId, name, data, canErase }: { userId: string; name: string; data: Export; canErase: boolean }) {
  return (
    <>
      <h2 className="mb-4 text-2xl">A copy for the person</h2>
      <p className="mb-4 max-w-2xl">One file with their account, their roles and everything they wrote or were named in, for a subject access request.</p>
      <button type="button" className={`${buttonClass.secondary} mb-10`} onClick={() => download(userId, data)}>
        Download their data (JSON)
      </button>
      {canErase ? <EraseForm userId={userId} name={name} /> : null}
    </>
  );
}

function download(userId: string, data: Export) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `headway-personal-data-${userId}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

function EraseForm({ userId, name }: { userId: string; name: string }) {
  const trpc = useTRPC();
  const erase = useMutation(trpc.personalData.erase.mutationOptions());
  const { refresh } = useRefresh();
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!confirmed) {
      setProblem("Confirm that this person is to be erased");
      return;
    }
    try {
      const erased = await erase.mutateAsync({ userId });
      setNotice(`${name} was erased: they are now shown as ${erased.name}.`);
      refresh();
    } catch (error) {
      setProblem(errorsFrom(error, "erase")[0]?.message ?? "Something went wrong and nothing was changed. Try again.");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="erase-heading" className="max-w-2xl">
      <h2 id="erase-heading" className="mb-4 text-2xl">
        Erase this person
      </h2>
      <Notice text={notice} />
      <p className="mb-4">
        Their name and email are replaced everywhere Headway stores them by a pseudonym such as “Former user 3f2a”, their roles end and they are
        signed out for good. What they wrote stays, as part of the plan’s record, under the pseudonym. This cannot be undone.
      </p>
      {problem ? (
        <p role="alert" id="erase-problem" className="mb-4 font-bold text-error">
          {problem}
        </p>
      ) : null}
      <div className="mb-6 flex items-start gap-3">
        <input
          id="erase-confirm"
          type="checkbox"
          className="mt-1 size-6"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          aria-describedby={problem ? "erase-problem" : undefined}
        />
        <label htmlFor="erase-confirm">I have checked that {name} asked to be erased, or must be, and that nothing needs to be kept under their name.</label>
      </div>
      <button type="submit" className={buttonClass.warning} disabled={erase.isPending}>
        {erase.isPending ? "Erasing…" : `Erase ${name}`}
      </button>
    </form>
  );
}
