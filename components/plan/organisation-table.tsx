"use client";
/**
 * The area's organisations on the plan editor, each with a "Change" button under its name that
 * opens a small form under its row to correct its name or kind (an import guesses the kind from
 * the name). One form open at a time; it takes focus when it opens; once saved, the notice above
 * the table takes it (as after every form), once cancelled, the row's button: the table is worked
 * by keyboard alone. On a narrow screen the
 * table scrolls sideways within itself: the button sits in the first column and the form holds to
 * the left edge of the box, no wider than the screen, so neither needs scrolling to reach.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Fragment, useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FORM_BEHAVIOUR, Notice, useFormFeedback } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, inputClass, Select } from "@/components/ui/form-field";
import { cell, rowClass, Table } from "@/components/ui/table";
import { pluralise } from "@/lib/format/plurals";
import { optionsOf, ORGANISATION_KIND } from "@/lib/labels";
import { organisationFields, type OrganisationFields } from "@/server/schemas/plan";

type AreaOrganisation = RouterOutputs["plan"]["settings"]["organisations"][number];

const COLUMNS = ["Name", "Kind", "Leads", "Partners on"];

export function OrganisationTable({ organisations }: { organisations: readonly AreaOrganisation[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  function close(id: string, message?: string) {
    setOpen(null);
    // Saved: the notice says so and takes the focus, as after every form. Cancelled: back to the button that opened it.
    if (message) setNotice(message);
    else requestAnimationFrame(() => buttons.current.get(id)?.focus());
  }

  return (
    <>
      <Notice text={notice} />
      <Table caption="Organisations of this area" columns={COLUMNS}>
        {organisations.map((o) => (
          <Fragment key={o.id}>
            <tr className={rowClass}>
              <td className={cell}>
                <span className="block">{o.name}</span>
                <button
                  type="button"
                  ref={(el) => {
                    if (el) buttons.current.set(o.id, el);
                    else buttons.current.delete(o.id);
                  }}
                  className="mt-1 cursor-pointer text-link underline"
                  aria-expanded={open === o.id}
                  aria-controls={open === o.id ? `organisation-${o.id}-form` : undefined}
                  onClick={() => {
                    setNotice(null);
                    setOpen(open === o.id ? null : o.id);
                  }}
                >
                  Change<span className="sr-only"> {o.name}</span>
                </button>
              </td>
              <td className={cell}>{ORGANISATION_KIND[o.kind]}</td>
              <td className={cell}>{pluralise(o._count.leadActions, "action")}</td>
              <td className={cell}>{pluralise(o._count.partnerActions, "action")}</td>
            </tr>
            {open === o.id ? (
              <tr className={rowClass}>
                <td colSpan={COLUMNS.length} className="pt-2 pb-6">
                  <div className="sticky left-0 max-w-[calc(100vw-2rem)]">
                    <EditOrganisationForm organisation={o} onSaved={(message) => close(o.id, message)} onCancel={() => close(o.id)} />
                  </div>
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </Table>
    </>
  );
}

function EditOrganisationForm({
  organisation,
  onSaved,
  onCancel,
}: {
  organisation: AreaOrganisation;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  const save = useMutation(trpc.plan.updateOrganisation.mutationOptions());
  const form = useForm<OrganisationFields>({
    ...FORM_BEHAVIOUR,
    resolver: zodResolver(organisationFields),
    defaultValues: { name: organisation.name, kind: organisation.kind },
  });
  const prefix = `organisation-${organisation.id}`;
  const feedback = useFormFeedback(prefix, form);
  const { errors } = form.formState;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const onSubmit = form.handleSubmit((values) =>
    feedback.submit(async () => {
      const saved = await save.mutateAsync({ id: organisation.id, ...values });
      refresh();
      onSaved(`${saved.name} has been saved as ${ORGANISATION_KIND[saved.kind].toLowerCase()}.`);
      return "";
    }),
  );

  return (
    <form id={`${prefix}-form`} onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="max-w-md border-l-4 border-brand pl-4">
      <h3 id={`${prefix}-heading`} ref={headingRef} tabIndex={-1} className="mb-4 text-lg">
        Change {organisation.name}
      </h3>
      <ErrorSummary errors={feedback.summary(errors)} attempt={form.formState.submitCount} />
      <FormField id={`${prefix}-name`} label="Name" error={errors.name?.message}>
        <input type="text" autoComplete="off" className={inputClass} {...form.register("name")} />
      </FormField>
      <FormField id={`${prefix}-kind`} label="Kind" error={errors.kind?.message}>
        <Select placeholder="Choose the kind" options={optionsOf(ORGANISATION_KIND)} {...form.register("kind")} />
      </FormField>
      <div className="flex flex-wrap gap-4">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
          <span className="sr-only"> {organisation.name}</span>
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel} disabled={save.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
