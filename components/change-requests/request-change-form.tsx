"use client";
/**
 * The plan lead asks for a change to a controlled field of an accepted plan (title, description
 * or due date of an action; target or milestones of a measure), with a reason. An adviser of the
 * area approves or rejects it on the change requests page.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatChangeValue } from "@/components/change-requests/format";
import { Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary, type FieldError } from "@/components/ui/error-summary";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { FormField, inputClass } from "@/components/ui/form-field";
import type { ControlledField, ControlledValue, MilestoneValue } from "@/server/domain/change-control";
import { CONTROLLED_FIELD } from "@/lib/labels";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import { requestChangeSchema } from "@/server/schemas/change-request";
import { routes } from "@/lib/routes";

type Option = { field: ControlledField; current: ControlledValue };
type Props = {
  slug: string;
  entityId: string;
  /** "action 1.4", "measure M2": in the heading and messages. */
  what: string;
  options: readonly Option[];
  unit?: MeasureUnit | null;
};

type Row = { date: string; targetValue: string };

export function RequestChangeForm({ slug, entityId, what, options, unit = null }: Props) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const [field, setField] = useState<ControlledField | "">(options.length === 1 ? options[0]!.field : "");
  const [text, setText] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  // The server's refusal of a field (a due date before the start, say) is shown beside it.
  const feedback = useFormFeedback("change", { setError: (field: string, e) => setErrors((found) => ({ ...found, [field]: e.message })) });
  const request = useMutation(trpc.changeRequest.request.mutationOptions());
  const current = options.find((o) => o.field === field);

  function choose(next: ControlledField) {
    setField(next);
    setErrors({});
    const now = options.find((o) => o.field === next)!.current;
    if (next === "measure.milestones") setRows(((now as MilestoneValue[] | null) ?? []).map((m) => ({ date: m.date, targetValue: String(m.targetValue) })));
    else setText(now === null ? "" : String(now));
  }

  function newValue(): unknown {
    if (field === "measure.milestones") return rows.map((r) => ({ date: r.date, targetValue: r.targetValue.trim() === "" ? Number.NaN : Number(r.targetValue) }));
    if (field === "measure.targetValue") return text.trim() === "" ? Number.NaN : Number(text);
    return text;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const parsed = requestChangeSchema.safeParse({ field, entityId, newValue: newValue(), reason });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "newValue" || issue.path[0] === "reason" ? String(issue.path[0]) : "field";
        found[key] ??= key === "field" ? "Choose what to change" : issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    await feedback.submit(async () => {
      await request.mutateAsync(parsed.data);
      setReason("");
      refresh();
      return `Your change to the ${CONTROLLED_FIELD[parsed.data.field].toLowerCase()} has been sent to the adviser.`;
    });
  }

  const summary: FieldError[] = [...Object.entries(errors).map(([f, message]) => ({ field: `change-${f}`, message })), ...feedback.summary({})];
  const valueLabel = field ? `New ${CONTROLLED_FIELD[field].toLowerCase()}` : "New value";

  return (
    <form onSubmit={submit} noValidate aria-labelledby="request-change-heading" className="mb-10 max-w-3xl">
      <h2 id="request-change-heading" className="mb-2 text-2xl">
        Request a change
      </h2>
      <p className="mb-4">
        This plan has been accepted, so the {options.map((o) => CONTROLLED_FIELD[o.field].toLowerCase()).join(", ")} of this {what} change only
        when an adviser approves. The old value stays in the change history. <Link href={routes.changeRequests(slug)}>See all change requests</Link>
      </p>
      <ErrorSummary errors={summary} attempt={attempt} />
      <Notice text={feedback.notice} />
      {options.length > 1 ? (
        <Fieldset id="change-field" legend="What do you want to change?" legendSize="m" error={errors.field}>
          {options.map((o, i) => (
            <Choice
              key={o.field}
              id={i === 0 ? "change-field" : `change-field-${i}`}
              type="radio"
              name="change-field"
              value={o.field}
              checked={field === o.field}
              onChange={() => choose(o.field)}
              label={CONTROLLED_FIELD[o.field]}
              hint={`Now: ${formatChangeValue(o.field, o.current, unit)}`}
            />
          ))}
        </Fieldset>
      ) : null}
      {field === "measure.milestones" ? (
        <Fieldset id="change-newValue" legend="New milestones" legendSize="m" hint="Each milestone's date and the value expected by then." error={errors.newValue}>
          {rows.map((r, i) => (
            <div key={i} className="mb-2 flex flex-wrap items-end gap-4">
              <div>
                {/* The first date carries the group's id, so the error summary's link lands on it. */}
                <label htmlFor={i === 0 ? "change-newValue" : `change-milestone-${i}-date`} className="block font-bold">
                  Milestone {i + 1} date
                </label>
                <input id={i === 0 ? "change-newValue" : `change-milestone-${i}-date`} type="date" className={`${inputClass} w-52! border-ink`} value={r.date} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))} />
              </div>
              <div>
                <label htmlFor={`change-milestone-${i}-value`} className="block font-bold">
                  Milestone {i + 1} target value
                </label>
                <input id={`change-milestone-${i}-value`} type="text" inputMode="decimal" className={`${inputClass} w-40! border-ink`} value={r.targetValue} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, targetValue: e.target.value } : x)))} />
              </div>
              <button type="button" className={buttonClass.secondary} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                Remove<span className="sr-only"> milestone {i + 1}</span>
              </button>
            </div>
          ))}
          <button id={rows.length === 0 ? "change-newValue" : undefined} type="button" className={buttonClass.secondary} onClick={() => setRows([...rows, { date: "", targetValue: "" }])}>
            Add a milestone
          </button>
        </Fieldset>
      ) : field ? (
        <FormField id="change-newValue" label={valueLabel} hint={current ? `Now: ${formatChangeValue(current.field, current.current, unit)}` : undefined} error={errors.newValue}>
          {field === "action.description" ? (
            <textarea rows={4} className={`${inputClass} max-w-3xl`} value={text} onChange={(e) => setText(e.target.value)} />
          ) : (
            <input
              type={field === "action.dueDate" || field === "measure.targetDate" ? "date" : "text"}
              inputMode={field === "measure.targetValue" ? "decimal" : undefined}
              className={field === "action.title" ? `${inputClass} max-w-2xl` : `${inputClass} w-52!`}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </FormField>
      ) : null}
      <FormField id="change-reason" label="Reason for the change" hint="The adviser reads this when deciding." error={errors.reason}>
        <textarea rows={3} className={`${inputClass} max-w-3xl`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <button type="submit" className={buttonClass.primary} disabled={request.isPending}>
        Send the request
      </button>
    </form>
  );
}
