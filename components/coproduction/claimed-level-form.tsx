"use client";
/** The level of co-production the council claims for an action, set by its owner or the lead. */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, Select } from "@/components/ui/form-field";
import { COPRODUCTION_LEVEL } from "@/lib/labels";
import type { CoproductionLevel } from "@/server/generated/prisma/enums";

const LEVEL_OPTIONS = Object.entries(COPRODUCTION_LEVEL).map(([value, label]) => ({ value, label }));

export function ClaimedLevelForm({ action }: { action: { id: string; ref: string; claimedLevel: CoproductionLevel | null; version: number } }) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const prefix = `claimed-level-${action.id}`;
  const [level, setLevel] = useState<string>(action.claimedLevel ?? "");
  // The only field: a refusal of it (from the server; the choices cannot be wrong here) is shown beside it.
  const [levelError, setLevelError] = useState<string | undefined>();
  const feedback = useFormFeedback(prefix, { setError: (_field: string, e) => setLevelError(e.message) });
  const save = useMutation(trpc.forum.setClaimedLevel.mutationOptions());

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setLevelError(undefined);
    await feedback.submit(async () => {
      await save.mutateAsync({ actionId: action.id, level: level as CoproductionLevel | "", version: action.version });
      refresh();
      return level
        ? `Action ${action.ref} now claims ${COPRODUCTION_LEVEL[level as CoproductionLevel].toLowerCase()}.${
            level === "CO_DESIGNING" || level === "CO_PRODUCING" ? " The parent carer forum is asked for its verdict." : ""
          }`
        : `Action ${action.ref} no longer claims a level of co-production.`;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="mb-8 max-w-2xl">
      <h3 id={`${prefix}-heading`} className="mb-4 text-xl">
        Level of co-production claimed
      </h3>
      <ErrorSummary errors={[...(levelError ? [{ field: `${prefix}-level`, message: levelError }] : []), ...feedback.summary({})]} />
      <Notice text={feedback.notice} />
      <FormField
        id={`${prefix}-level`}
        label="How far are families involved in this action?"
        hint="Claim co-designing or co-producing only if families shaped it from the start: the forum is asked whether it agrees."
        error={levelError}
      >
        <Select placeholder="No level claimed" options={LEVEL_OPTIONS} value={level} onChange={(e) => setLevel(e.target.value)} />
      </FormField>
      <button type="submit" className={buttonClass.secondary} disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save level claimed"}
      </button>
    </form>
  );
}
