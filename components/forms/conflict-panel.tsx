"use client";
/**
 * No lost edits, the editor's side: shown when a save is refused because someone else saved
 * the record first (server/services/core/versioned.ts). Lists each field where their saved value
 * and the editor's differ, then offers to save the editor's version over theirs or to take
 * theirs. Used by every versioned form (actions, findings, measures).
 *
 * Pass values already in words where a code or id would mean nothing to the reader (a label
 * for an enum, names for ids). Dates written "yyyy-mm-dd" are shown as dates; lists are
 * compared regardless of order and shown one item per line.
 */
import { useState } from "react";
import type { VersionedSave } from "@/components/forms/use-versioned-save";
import { buttonClass } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";

export type ConflictPanelProps = {
  /** The form's fields, in the order to list them. */
  fields: ReadonlyArray<{ name: string; label: string }>;
  /** What the editor tried to save. */
  mine: Record<string, unknown>;
  /** The record as saved now (a stale save's `details.current`). */
  theirs: Record<string, unknown>;
  /** Who saved it (`details.changedBy`); null when not known. */
  changedBy: string | null;
  /** When they saved it (`details.changedAt`, ISO), if known. */
  changedAt?: string | null;
  /** Save the editor's values again, this time against their version. */
  onReapply: () => unknown;
  /** Drop the editor's changes and show the record as saved. */
  onDiscard: () => unknown;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** A value in a form that compares equal however it is held: empty is empty, lists in any order. */
function comparable(v: unknown): string {
  if (isEmpty(v)) return "";
  if (Array.isArray(v)) return JSON.stringify(v.map((item) => comparable(item)).sort());
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify(entries.map(([k, item]) => [k, comparable(item)]));
  }
  return JSON.stringify(v);
}

function text(v: unknown): string {
  if (typeof v === "string") return ISO_DAY.test(v) ? formatDate(v) : v;
  if (typeof v === "number") return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 }).format(v);
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (v && typeof v === "object") {
    return Object.values(v as Record<string, unknown>)
      .map(text)
      .join(": ");
  }
  return String(v);
}

function Value({ value }: { value: unknown }) {
  if (isEmpty(value)) return <span className="text-secondary">Not given</span>;
  if (Array.isArray(value)) {
    return (
      <ul>
        {value.map((item, i) => (
          <li key={i}>{text(item)}</li>
        ))}
      </ul>
    );
  }
  return <span className="whitespace-pre-line">{text(value)}</span>;
}

export function ConflictPanel({ fields, mine, theirs, changedBy, changedAt, onReapply, onDiscard }: ConflictPanelProps) {
  const [busy, setBusy] = useState(false);
  const changed = fields.filter((f) => comparable(mine[f.name]) !== comparable(theirs[f.name]));
  const who = changedBy ?? "someone else";

  async function reapply() {
    setBusy(true);
    try {
      await onReapply();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="conflict-title" className="mb-8 border-[5px] border-[#f47738] p-4">
      <h2 id="conflict-title" className="mb-2 text-xl font-bold">
        {changedBy ? `${changedBy} saved a change while you were editing` : "Someone else saved a change while you were editing"}
      </h2>
      {changedAt ? <p className="mb-2 text-secondary">Saved {formatDateTime(changedAt)}.</p> : null}
      {changed.length === 0 ? (
        <p className="mb-4">Their save left every field here as you have it, so saving your version loses nothing of theirs.</p>
      ) : (
        <>
          <p className="mb-2">
            Nothing of yours has been saved yet. {changed.length === 1 ? "This field differs" : "These fields differ"} between
            their saved version and yours:
          </p>
          <Table caption="What changed: their saved value and yours" columns={["Field", `Saved by ${who}`, "Yours"]}>
            {changed.map((f) => (
              <tr key={f.name} className={rowClass}>
                <th scope="row" className={`${cell} font-bold`}>
                  {f.label}
                </th>
                <td className={cell}>
                  <Value value={theirs[f.name]} />
                </td>
                <td className={cell}>
                  <Value value={mine[f.name]} />
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
      <div className="mt-4 flex flex-wrap gap-4">
        <button type="button" className={buttonClass.primary} disabled={busy} onClick={reapply}>
          {busy ? "Saving…" : "Save my version over theirs"}
        </button>
        <button type="button" className={buttonClass.secondary} disabled={busy} onClick={() => onDiscard()}>
          Discard my changes
        </button>
      </div>
      <p className="mt-3 text-base text-secondary">
        Saving your version replaces every field with yours, including those listed above. Discarding shows their version for you
        to edit again.
      </p>
    </section>
  );
}

/**
 * The panel for a form that saves through useVersionedSave, shown while its last save stands refused
 * as stale. Discarding takes theirs before the form is given it.
 */
export function StaleSaveConflict<T extends Record<string, unknown>>({
  versioned,
  fields,
  display,
  onReapply,
  onDiscard,
}: {
  versioned: VersionedSave<T>;
  fields: ConflictPanelProps["fields"];
  /** The form's values as the panel shows them: words for codes, names for ids. */
  display: (values: T) => Record<string, unknown>;
  /** Save again: given what the editor tried to save and the version to save it over. */
  onReapply: (mine: T, theirVersion: number) => unknown;
  /** Show their saved record in the form. */
  onDiscard: (theirs: T & { version: number }) => void;
}) {
  const { conflict } = versioned;
  if (!conflict) return null;
  return (
    <ConflictPanel
      fields={fields}
      mine={display(conflict.mine)}
      theirs={display(conflict.theirs)}
      changedBy={conflict.changedBy}
      changedAt={conflict.changedAt}
      onReapply={() => onReapply(conflict.mine, conflict.theirs.version)}
      onDiscard={() => {
        const theirs = versioned.takeTheirs();
        if (theirs) onDiscard(theirs);
      }}
    />
  );
}
