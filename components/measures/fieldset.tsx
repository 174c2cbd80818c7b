/**
 * A group of controls with a legend, hint and error in the GOV.UK pattern: for radios,
 * checkboxes and pairs of fields (a value and its date).
 */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  children,
}: {
  /** The group's id stem: the hint and error take `${id}-hint`, `${id}-error`. */
  id: string;
  legend: string;
  hint?: React.ReactNode;
  error?: string;
  children: React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-[5px] border-error pl-4" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend className="mb-1 text-xl font-bold">{legend}</legend>
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
