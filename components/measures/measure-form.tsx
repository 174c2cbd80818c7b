"use client";
/**
 * Adding or editing a measure: its definition, benchmark and trajectory (a dated baseline,
 * milestones, a dated target), the findings it evidences and its owner. Checked in the browser
 * with the schema the server uses; a save over someone else's shows what changed.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { StaleSaveConflict } from "@/components/forms/conflict-panel";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useVersionedSave } from "@/components/forms/use-versioned-save";
import { errorList, summaryOf } from "@/components/measures/form-errors";
import { numberOrNull } from "@/components/measures/number-field";
import { useTRPC } from "@/components/trpc/provider";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Choice, Fieldset } from "@/components/ui/fieldset";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format/dates";
import { MEASURE_DIRECTION, MEASURE_UNIT, optionsOf } from "@/lib/labels";
import { MEASURE_FIELD_LABELS, measureFields, type MeasureFields } from "@/server/schemas/measure";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type FindingChoice = { id: string; ref: string; summary: string; inspectorsWording: string };
type Person = { id: string; name: string };
type PublishedMeasure = { id: string; name: string; unit: keyof typeof MEASURE_UNIT };

export type MeasureFormProps = {
  slug: string;
  /** The plan's findings, to choose those the measure evidences. */
  findings: FindingChoice[];
  /** People who may own the measure (and its current owner, whoever they are now). */
  owners: Person[];
  /** The published measures (the catalogue) it may be linked to. */
  catalogue: PublishedMeasure[];
} & ({ planId: string; measure?: undefined } | { planId?: undefined; measure: MeasureFields & { id: string; version: number } });

const EMPTY: Omit<MeasureFields, "unit" | "direction"> = {
  ref: "",
  name: "",
  definition: "",
  source: "",
  baselineValue: null,
  baselineDate: "",
  benchmarkValue: null,
  benchmarkLabel: "",
  benchmarkDate: "",
  targetValue: null,
  targetDate: "",
  plausibleMin: null,
  plausibleMax: null,
  findingIds: [],
  ownerId: "",
  catalogueMeasureId: "",
  milestones: [],
};

/** Only the form's own fields: a conflict's `current` also carries id and version. */
const fieldsOf = (v: Record<string, unknown>) => Object.fromEntries(MEASURE_FIELD_LABELS.map(({ name }) => [name, v[name]])) as MeasureFields;

const asNumber = { setValueAs: numberOrNull };
const narrow = `${inputClass} max-w-[12rem]!`;

/** A milestone's error in the summary says which milestone. */
function describe(path: string, message: string) {
  const milestone = /^milestones\.(\d+)\./.exec(path);
  if (!milestone || message.startsWith("Milestone")) return message;
  return `Milestone ${Number(milestone[1]) + 1}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

export function MeasureForm({ slug, findings, owners, catalogue, planId, measure }: MeasureFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const { refresh } = useRefresh();
  const versioned = useVersionedSave<MeasureFields>(measure?.version ?? 1);
  const form = useForm<MeasureFields>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(measureFields),
    defaultValues: measure ? fieldsOf(measure) : { ...EMPTY, findingIds: findings.length === 1 ? [findings[0]!.id] : [] },
  });
  const feedback = useFormFeedback("measure", form);
  const milestones = useFieldArray({ control: form.control, name: "milestones" });
  const addMilestone = useRef<HTMLButtonElement>(null);
  const create = useMutation(trpc.measure.create.mutationOptions());
  const update = useMutation(trpc.measure.update.mutationOptions());
  // Discarding after a stale save also clears the refusal from the summary, until the next save.
  const [showRefusal, setShowRefusal] = useState(true);
  const { errors } = form.formState;
  const summary = summaryOf(errorList(errors, "measure", describe), showRefusal ? feedback.summary({}) : []);

  async function save(values: MeasureFields, overVersion?: number) {
    if (!measure) {
      const created = await create.mutateAsync({ ...values, planId: planId! });
      router.push(routes.measure(slug, created.id));
      refresh();
      return `Measure ${values.ref} has been added.`;
    }
    await versioned.save(values, (version) => update.mutateAsync({ ...values, id: measure.id, version }), overVersion);
    form.reset(values);
    refresh();
    return `Measure ${values.ref} has been saved.`;
  }

  const submit = (values: MeasureFields, overVersion?: number) => {
    setShowRefusal(true);
    return feedback.submit(() => save(values, overVersion));
  };
  const onSubmit = form.handleSubmit((values) => submit(values));
  // Saves what the form holds now (the editor may have changed more), over the version they have seen.
  const saveOverTheirs = form.handleSubmit((values) => submit(values, versioned.theirVersion ?? undefined));

  const display = (v: MeasureFields) => ({
    ...v,
    unit: MEASURE_UNIT[v.unit] ?? v.unit,
    direction: MEASURE_DIRECTION[v.direction] ?? v.direction,
    findingIds: v.findingIds.map((id) => {
      const f = findings.find((x) => x.id === id);
      return f ? `${f.ref}. ${findingTitle(f)}` : "A finding no longer in this plan";
    }),
    ownerId: v.ownerId ? (owners.find((p) => p.id === v.ownerId)?.name ?? "Someone no longer in this area") : "",
    catalogueMeasureId: v.catalogueMeasureId ? (catalogue.find((c) => c.id === v.catalogueMeasureId)?.name ?? v.catalogueMeasureId) : "",
    milestones: [...v.milestones].sort((a, b) => a.date.localeCompare(b.date)).map((m) => `${formatDate(m.date)}: ${m.targetValue}`),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={measure ? `Edit measure ${measure.ref}` : "Add a measure"}>
      <ErrorSummary errors={summary} attempt={form.formState.submitCount} />
      <Notice text={feedback.notice} />
      <StaleSaveConflict
        versioned={versioned}
        fields={MEASURE_FIELD_LABELS}
        display={(v) => display(fieldsOf(v))}
        onReapply={() => saveOverTheirs()}
        onDiscard={(theirs) => {
          form.reset(fieldsOf(theirs));
          setShowRefusal(false);
          refresh();
        }}
      />

      <FormField id="measure-ref" label="Reference" hint="Short, for example M1." error={errors.ref?.message}>
        <input type="text" autoComplete="off" spellCheck={false} className={`${inputClass} max-w-[8rem]!`} {...form.register("ref")} />
      </FormField>
      <FormField id="measure-name" label="Name" hint="For example, EHC plans issued within 20 weeks." error={errors.name?.message}>
        <input type="text" autoComplete="off" className={`${inputClass} max-w-3xl!`} {...form.register("name")} />
      </FormField>
      <FormField
        id="measure-definition"
        label="Definition"
        hint="What is counted and how, including what is left out, so that anyone could work it out again."
        error={errors.definition?.message}
      >
        <textarea rows={4} className={`${inputClass} max-w-3xl!`} {...form.register("definition")} />
      </FormField>
      <FormField id="measure-unit" label="Unit" error={errors.unit?.message}>
        <Select placeholder="Choose a unit" options={optionsOf(MEASURE_UNIT)} {...form.register("unit")} />
      </FormField>
      <FormField id="measure-direction" label="Which way is better" error={errors.direction?.message}>
        <Select placeholder="Choose higher or lower" options={optionsOf(MEASURE_DIRECTION)} {...form.register("direction")} />
      </FormField>
      <FormField id="measure-source" label="Source" hint="Where the figures come from, for example the SEN2 return or the case management system." error={errors.source?.message}>
        <input type="text" autoComplete="off" className={`${inputClass} max-w-3xl!`} {...form.register("source")} />
      </FormField>

      <Fieldset
        id="measure-plausible"
        legend="Values it can take (optional)"
        hint="The lowest and highest values this measure can plausibly take; leave either empty to leave that end open. A value outside them is refused when it is entered, pasted or imported, so a mistyped figure never reaches the chart. The unit already rules out the impossible: a percentage is between 0 and 100, a count is a whole number, and nothing is below 0."
      >
        <div className="grid gap-x-6 sm:grid-cols-2">
          <FormField id="measure-plausibleMin" label="Plausible minimum" error={errors.plausibleMin?.message}>
            <input type="text" inputMode="decimal" autoComplete="off" className={narrow} {...form.register("plausibleMin", asNumber)} />
          </FormField>
          <FormField id="measure-plausibleMax" label="Plausible maximum" error={errors.plausibleMax?.message}>
            <input type="text" inputMode="decimal" autoComplete="off" className={narrow} {...form.register("plausibleMax", asNumber)} />
          </FormField>
        </div>
      </Fieldset>

      <Fieldset id="measure-baseline" legend="Baseline" hint="The figure when the plan started, and the date it was measured. Leave both empty if not known yet.">
        <div className="grid gap-x-6 sm:grid-cols-2">
          <FormField id="measure-baselineValue" label="Baseline value" error={errors.baselineValue?.message}>
            <input type="text" inputMode="decimal" autoComplete="off" className={narrow} {...form.register("baselineValue", asNumber)} />
          </FormField>
          <FormField id="measure-baselineDate" label="Baseline date" error={errors.baselineDate?.message}>
            <input type="date" className={narrow} {...form.register("baselineDate")} />
          </FormField>
        </div>
      </Fieldset>

      <Fieldset id="measure-benchmark" legend="Benchmark (optional)" hint="A figure to compare with, such as the England average or statistical neighbours.">
        <div className="grid gap-x-6 sm:grid-cols-3">
          <FormField id="measure-benchmarkValue" label="Benchmark value" error={errors.benchmarkValue?.message}>
            <input type="text" inputMode="decimal" autoComplete="off" className={narrow} {...form.register("benchmarkValue", asNumber)} />
          </FormField>
          <FormField id="measure-benchmarkLabel" label="What it is" hint="For example, England average" error={errors.benchmarkLabel?.message}>
            <input type="text" autoComplete="off" className={inputClass} {...form.register("benchmarkLabel")} />
          </FormField>
          <FormField id="measure-benchmarkDate" label="Date of the benchmark" error={errors.benchmarkDate?.message}>
            <input type="date" className={narrow} {...form.register("benchmarkDate")} />
          </FormField>
        </div>
      </Fieldset>

      <FormField
        id="measure-catalogueMeasureId"
        label="Published measure (optional)"
        hint="If this is a measure the DfE or the LGA publishes for every area, choose it: the chart then shows England, your region and your statistical neighbours beside your own figures, and the national team can compare areas on it. It must be counted in the same unit as this measure."
        error={errors.catalogueMeasureId?.message}
      >
        <Select
          className="max-w-3xl!"
          placeholder="Not a published measure"
          options={catalogue.map((c) => ({ value: c.id, label: `${c.name} (${MEASURE_UNIT[c.unit].toLowerCase()})` }))}
          {...form.register("catalogueMeasureId")}
        />
      </FormField>

      <Fieldset id="measure-target" legend="Target" hint="The figure the plan aims for, and the date it should be met by.">
        <div className="grid gap-x-6 sm:grid-cols-2">
          <FormField id="measure-targetValue" label="Target value" error={errors.targetValue?.message}>
            <input type="text" inputMode="decimal" autoComplete="off" className={narrow} {...form.register("targetValue", asNumber)} />
          </FormField>
          <FormField id="measure-targetDate" label="Target date" error={errors.targetDate?.message}>
            <input type="date" className={narrow} {...form.register("targetDate")} />
          </FormField>
        </div>
      </Fieldset>

      <Fieldset
        id="measure-milestones-group"
        legend="Milestones"
        hint="Interim targets between the baseline and the target, often every 3 or 4 months. Each date must fall between the baseline and target dates."
        error={errors.milestones?.message ?? errors.milestones?.root?.message}
      >
        {milestones.fields.length === 0 ? <p className="mb-4">No milestones yet.</p> : null}
        <ol className={milestones.fields.length === 0 ? "hidden" : "mb-4"}>
          {milestones.fields.map((field, i) => {
            const n = i + 1;
            const e = errors.milestones?.[i];
            return (
              <li key={field.id} className="mb-4 border-l-4 border-border pl-4">
                <fieldset>
                  <legend className="mb-2 font-bold">Milestone {n}</legend>
                  <div className="grid gap-x-6 sm:grid-cols-2">
                    <FormField id={`measure-milestones.${i}.date`} label={`Milestone ${n} date`} error={e?.date?.message}>
                      <input type="date" className={narrow} {...form.register(`milestones.${i}.date`)} />
                    </FormField>
                    <FormField id={`measure-milestones.${i}.targetValue`} label={`Milestone ${n} target value`} error={e?.targetValue?.message}>
                      <input
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        className={narrow}
                        {...form.register(`milestones.${i}.targetValue`, asNumber)}
                      />
                    </FormField>
                  </div>
                  <button
                    type="button"
                    className={buttonClass.secondary}
                    onClick={() => {
                      milestones.remove(i);
                      addMilestone.current?.focus();
                    }}
                  >
                    Remove milestone {n}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button
          ref={addMilestone}
          id="measure-milestones"
          type="button"
          className={buttonClass.secondary}
          // Empty until typed; the schema asks for a number if it is left empty.
          onClick={() => milestones.append({ date: "", targetValue: null as unknown as number })}
        >
          Add a milestone
        </button>
      </Fieldset>

      <Controller
        control={form.control}
        name="findingIds"
        render={({ field }) => (
          <Fieldset id="measure-findingIds-group" legend="Findings this measure evidences" hint="Choose one or more." error={errors.findingIds?.message}>
            {findings.length === 0 ? <p>This plan has no findings yet. Add its findings before its measures.</p> : null}
            {findings.map((f, i) => (
              <Choice
                key={f.id}
                // The first box carries the group's id, so the error summary's link lands on it.
                id={i === 0 ? "measure-findingIds" : `measure-findingIds-${f.id}`}
                type="checkbox"
                name={field.name}
                value={f.id}
                label={`${f.ref}. ${findingTitle(f)}`}
                checked={field.value.includes(f.id)}
                onBlur={field.onBlur}
                onChange={(event) =>
                  field.onChange(event.target.checked ? [...field.value, f.id] : field.value.filter((id) => id !== f.id))
                }
              />
            ))}
          </Fieldset>
        )}
      />

      <FormField id="measure-ownerId" label="Owner (optional)" hint="The owner can enter the measure's values." error={errors.ownerId?.message}>
        <Select placeholder="No owner" options={owners.map((p) => ({ value: p.id, label: p.name }))} {...form.register("ownerId")} />
      </FormField>

      <button type="submit" className={buttonClass.primary} disabled={create.isPending || update.isPending}>
        {create.isPending || update.isPending ? "Saving…" : measure ? "Save measure" : "Add measure"}
      </button>
    </form>
  );
}
