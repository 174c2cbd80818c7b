/**
 * A group of controls with a legend, hint and error in the GOV.UK pattern: for radios,
 * checkboxes and pairs of fields (a value and its date).
 */
import { describedBy, fieldBlockClass, HintAndError } from "@/components/ui/form-field";

const LEGEND_CLASS = {
  /** As large as a field's label: the question a set of radios asks. */
  m: "mb-1 font-bold",
  /** Larger: a group that reads as a part of the form. */
  l: "mb-1 text-xl font-bold",
} as const;

export function Fieldset({
  id,
  legend,
  legendSize = "l",
  hint,
  error,
  children,
}: {
  /** The group's id stem: the hint and error take `${id}-hint`, `${id}-error`. */
  id: string;
  legend: React.ReactNode;
  legendSize?: keyof typeof LEGEND_CLASS;
  hint?: React.ReactNode;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={fieldBlockClass(error)}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className={LEGEND_CLASS[legendSize]}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** A radio or checkbox with its label beside it. */
export function Choice({ label, hint, ...input }: React.ComponentProps<"input"> & { id: string; label: string; hint?: string }) {
  return (
    <div className="mb-2 flex items-start gap-3">
      <input {...input} aria-describedby={hint ? `${input.id}-hint` : undefined} className="mt-1 h-6 w-6 shrink-0 accent-ink" />
      <label htmlFor={input.id} className="cursor-pointer">
        {label}
        {hint ? (
          <span id={`${input.id}-hint`} className="block text-secondary">
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}
