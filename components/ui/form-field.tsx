/**
 * A labelled form control with hint and error in the GOV.UK pattern. The control gets
 * aria-describedby for both, and aria-invalid when in error.
 */
import { cloneElement, isValidElement, type ReactElement } from "react";

type ControlProps = { id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean; className?: string };

/** What a control or group is described by: its hint, then its error (the ids HintAndError gives them). */
export function describedBy(id: string, hint?: React.ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The block around a field or group: the red bar on its left marks it in error. */
export function fieldBlockClass(error?: string): string {
  return error ? "mb-6 border-l-[5px] border-error pl-4" : "mb-6";
}

/** A field's or group's hint and error, below its label or legend, with ids `${id}-hint` and `${id}-error`. */
export function HintAndError({ id, hint, error }: { id: string; hint?: React.ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="mb-2 text-secondary">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactElement<ControlProps>;
}) {
  const control = isValidElement(children)
    ? cloneElement(children, {
        id,
        "aria-describedby": describedBy(id, hint, error),
        "aria-invalid": error ? true : undefined,
        className: `${children.props.className ?? ""} ${error ? "border-error" : "border-ink"}`,
      })
    : children;
  return (
    <div className={fieldBlockClass(error)}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {control}
    </div>
  );
}

export const inputClass = "block w-full max-w-md border-2 bg-white px-2 py-1.5 text-base sm:text-lg";

/** A drop-down with a "Choose …" first option; FormField gives it its id, label and error. */
export function Select({
  placeholder,
  options,
  className,
  ...props
}: React.ComponentProps<"select"> & { placeholder: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <select {...props} className={`${inputClass} ${className ?? ""}`}>
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
