/**
 * GOV.UK radios: a fieldset whose legend is the question, a hint and an error below it, and one
 * labelled radio per option. The first radio carries `id`, so an error summary link lands on it.
 */
import type { UseFormRegisterReturn } from "react-hook-form";

export type RadioOption = { value: string; label: string; hint?: string };

export function RadioGroup({
  id,
  legend,
  hint,
  error,
  options,
  inline = false,
  registration,
}: {
  id: string;
  legend: React.ReactNode;
  hint?: string;
  error?: string;
  options: readonly RadioOption[];
  inline?: boolean;
  registration: UseFormRegisterReturn;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "mb-6 border-l-[5px] border-error pl-4" : "mb-6"}>
      <fieldset aria-describedby={describedBy}>
        <legend className="mb-1 font-bold">{legend}</legend>
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
        <div className={inline ? "flex flex-wrap gap-x-6" : ""}>
          {options.map((o, i) => {
            const radioId = i === 0 ? id : `${id}-${o.value}`;
            const hintId = `${id}-${o.value}-hint`;
            return (
              <div key={o.value} className="mb-2 flex items-start gap-2">
                <input
                  type="radio"
                  id={radioId}
                  value={o.value}
                  aria-describedby={o.hint ? hintId : undefined}
                  className="mt-0.5 h-6 w-6 shrink-0 cursor-pointer accent-ink"
                  {...registration}
                />
                <div>
                  <label htmlFor={radioId} className="cursor-pointer">
                    {o.label}
                  </label>
                  {o.hint ? (
                    <div id={hintId} className="text-base text-secondary">
                      {o.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
