/**
 * GOV.UK radios: a fieldset whose legend is the question, a hint and an error below it, and one
 * labelled radio per option. The first radio carries `id`, so an error summary link lands on it.
 */
import type { UseFormRegisterReturn } from "react-hook-form";
import { Fieldset } from "@/components/ui/fieldset";

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
  return (
    <Fieldset id={id} legend={legend} legendSize="m" hint={hint} error={error}>
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
    </Fieldset>
  );
}
