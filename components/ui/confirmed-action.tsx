"use client";
/**
 * An action that takes a second, deliberate click: "<act>", then "Yes, <verb>" or "Cancel". After
 * it succeeds the page is refreshed once, and the button stays busy until the new page has arrived;
 * a refusal is said beside it, in the server's words.
 */
import { useState } from "react";
import { errorsFrom } from "@/components/forms/trpc-errors";
import { useRefresh } from "@/components/forms/use-refresh";

const linkButton = "cursor-pointer text-link underline disabled:opacity-50";

type Props = {
  /** The first button's words: "Revoke", "Withdraw link". */
  act: string;
  /** The confirming button's verb and its busy form: "revoke", "Revoking…". */
  verb: string;
  busyText: string;
  /** What it acts on, for screen readers: "the token SEN2 returns". */
  label: string;
  /** Names the confirming pair: "Confirm revoking the token SEN2 returns". */
  groupLabel: string;
  /** Said when the call fails without a message of its own: "Not revoked: try again." */
  failureText: string;
  onConfirm: () => Promise<unknown>;
  className?: string;
};

export function ConfirmedAction({ act, verb, busyText, label, groupLabel, failureText, onConfirm, className = "block" }: Props) {
  const { refresh, refreshing } = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = pending || refreshing;
  return (
    <span className={className}>
      {!confirming ? (
        <button type="button" className={linkButton} onClick={() => setConfirming(true)}>
          {act}
          <span className="sr-only"> {label}</span>
        </button>
      ) : (
        <span role="group" aria-label={groupLabel} className="inline-flex flex-wrap gap-3">
          <button
            type="button"
            autoFocus
            className={`${linkButton} font-bold text-error!`}
            disabled={busy}
            onClick={async () => {
              setProblem(null);
              setPending(true);
              try {
                await onConfirm();
                refresh();
              } catch (error) {
                setProblem(errorsFrom(error, verb)[0]?.message ?? failureText);
              } finally {
                setPending(false);
              }
            }}
          >
            {busy ? busyText : `Yes, ${verb}`}
            <span className="sr-only"> {label}</span>
          </button>
          <button type="button" className={linkButton} disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      )}
      <span role="status" aria-live="polite">
        {problem ? <span className="block font-bold text-error">{problem}</span> : null}
      </span>
    </span>
  );
}
