/**
 * A labelled form control with hint and error in the GOV.UK pattern. The control gets
 * aria-describedby for both, and aria-invalid when in error.
 */
import { cloneElement, isValidElement, type ReactElement } from "react";

type ControlProps = { id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean; className?: string };

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
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
        className: `${children.props.className ?? ""} ${error ? "border-error" : "border-ink"}`,
      })
    : children;
  return (
    <div className={`mb-6 ${error ? "border-l-[5px] border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
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
