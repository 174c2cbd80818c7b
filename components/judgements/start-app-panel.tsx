"use client";
/**
 * The LEAD starts an Accelerated Progress Plan from the WSOA: first the findings it will carry
 * forward, then a confirmation, because it supersedes the WSOA and cannot be undone here.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { JUDGEMENT } from "@/lib/labels";
import type { Judgement } from "@/server/generated/prisma/enums";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Props = {
  slug: string;
  wsoaTitle: string;
  carriedForward: ReadonlyArray<{ id: string; ref: string; summary: string; inspectorsWording: string; judgement: Judgement | null }>;
};

export function StartAppPanel({ slug, wsoaTitle, carriedForward }: Props) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const feedback = useFormFeedback("start-app");
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const start = useMutation(trpc.adviser.startApp.mutationOptions());

  return (
    <section aria-labelledby="start-app-heading" className="mb-10 max-w-3xl border-l-4 border-brand pl-6">
      <h2 id="start-app-heading" className="mb-2 text-2xl">
        Start an Accelerated Progress Plan
      </h2>
      <ErrorSummary errors={feedback.summary({})} />
      <Notice text={feedback.notice} />
      {started ? (
        <p className="mb-4">
          <Link href={routes.plan(slug)}>Build the accelerated progress plan</Link>
        </p>
      ) : (
        <>
          <p className="mb-2">
            The revisit found that progress was not sufficient on {carriedForward.length === 1 ? "one finding" : `${carriedForward.length} findings`}.
            The new plan starts as a draft, linked to {wsoaTitle}, and carries forward only these findings, with their open actions and measures:
          </p>
          <ul className="mb-4 list-disc pl-6" aria-label="Findings the new plan carries forward">
            {carriedForward.map((f) => (
              <li key={f.id}>
                Finding {f.ref}: {findingTitle(f)} ({f.judgement ? JUDGEMENT[f.judgement].toLowerCase() : "not judged"})
              </li>
            ))}
          </ul>
          {confirming ? (
            <div role="group" aria-labelledby="start-app-confirm" className="mb-2">
              <p id="start-app-confirm" className="mb-4 font-bold">
                Starting the plan closes {wsoaTitle} as superseded: it becomes read-only history, and its open actions and
                measures carry on in the new plan. Are you sure?
              </p>
              <div className="flex flex-wrap gap-4">
                <button
                  type="button"
                  className={buttonClass.primary}
                  disabled={start.isPending}
                  onClick={() =>
                    feedback.submit(async () => {
                      const app = await start.mutateAsync({ slug });
                      setStarted(app.id);
                      setConfirming(false);
                      refresh();
                      return `${app.title} has been started with ${app.carriedForward.length === 1 ? "one finding" : `${app.carriedForward.length} findings`}.`;
                    })
                  }
                >
                  Yes, start the plan
                </button>
                <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className={buttonClass.primary} onClick={() => setConfirming(true)}>
              Start an Accelerated Progress Plan
            </button>
          )}
        </>
      )}
    </section>
  );
}
