"use client";
/**
 * Asking before a figure already recorded for a period is replaced: the value recorded and the
 * one that would replace it, side by side, a reason (required: the history keeps it with both
 * figures), and a button that says what it does. Shared by the value form and the paste.
 */
import { useEffect, useRef } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { buttonClass } from "@/components/ui/button";
import { FormField, inputClass } from "@/components/ui/form-field";
import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDate } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import type { MeasureUnit } from "@/server/generated/prisma/enums";

/** A figure recorded for a period ("yyyy-mm-dd") and the one that would replace it. */
export type Replacement = { periodEnd: string; before: number; after: number };

/** The same replacements, in the same order: what was confirmed is what would be saved. */
export const sameReplacements = (a: readonly Replacement[] | null, b: readonly Replacement[]) =>
  a !== null && a.length === b.length && a.every((r, i) => r.periodEnd === b[i]!.periodEnd && r.before === b[i]!.before && r.after === b[i]!.after);

/** The replacements a refusal names (details.replacements), when it names any. */
export function replacementsFrom(error: unknown): Replacement[] | null {
  const details = (error as { data?: { details?: { replacements?: unknown } | null } } | null)?.data?.details;
  const list = details?.replacements;
  if (!Array.isArray(list)) return null;
  return list.filter(
    (r): r is Replacement => typeof r === "object" && r !== null && typeof r.periodEnd === "string" && typeof r.before === "number" && typeof r.after === "number",
  );
}

export function ReplacementPanel({
  prefix,
  replacements,
  unit,
  reason,
  reasonError,
  pending,
  onCancel,
}: {
  /** The form's id prefix: the reason box is `${prefix}-replaceReason`, as the error summary links it. */
  prefix: string;
  replacements: readonly Replacement[];
  unit: MeasureUnit;
  reason: UseFormRegisterReturn;
  reasonError?: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel appears in place of the save button: whoever pressed it is taken to the question.
  useEffect(() => heading.current?.focus(), []);
  const value = (n: number) => formatMeasureValue(n, unit);
  const one = replacements.length === 1 ? replacements[0]! : null;

  return (
    <div className="panel-border mb-6 pl-4">
      <h3 ref={heading} tabIndex={-1} id={`${prefix}-replace-heading`} className="mb-2 text-xl font-bold">
        {one ? "This replaces a value already recorded" : `This replaces ${replacements.length} values already recorded`}
      </h3>
      {one ? (
        <p className="mb-4">
          For the period ending {formatDate(one.periodEnd)}, {value(one.before)} is recorded. Saving replaces it with{" "}
          <strong>{value(one.after)}</strong>. The history of the measure keeps both, with your reason.
        </p>
      ) : (
        <>
          <p className="mb-4">The history of the measure keeps each value recorded and the one replacing it, with your reason.</p>
          <div className="mb-4">
            <Table caption="Values recorded and the pasted values that replace them" columns={["Period ending", "Recorded", "Replaced with"]}>
              {replacements.map((r) => (
                <tr key={r.periodEnd} className={rowClass}>
                  <td className={`${cell} whitespace-nowrap`}>{formatDate(r.periodEnd)}</td>
                  <td className={cell}>{value(r.before)}</td>
                  <td className={cell}>{value(r.after)}</td>
                </tr>
              ))}
            </Table>
          </div>
        </>
      )}
      <FormField
        id={`${prefix}-replaceReason`}
        label={one ? "Why are you replacing it?" : "Why are you replacing them?"}
        hint="For example, the figure was corrected when the return was validated. Up to 500 characters."
        error={reasonError}
      >
        <textarea rows={2} className={inputClass} {...reason} />
      </FormField>
      <div className="flex flex-wrap gap-4">
        <button type="submit" className={buttonClass.warning} disabled={pending}>
          {pending ? "Saving…" : one ? "Replace the value" : `Replace ${replacements.length} values and save`}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
