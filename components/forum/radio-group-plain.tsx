/** GOV.UK radios for a form kept in React state rather than react-hook-form. */
import { Fieldset } from "@/components/ui/fieldset";

export function RadioGroupPlain({
  id,
  legend,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  error?: string;
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
  value: string;
  onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <Fieldset id={id} legend={legend} legendSize="m" error={error}>
      {options.map((o, i) => (
        <div key={o.value} className="mb-2 flex items-start gap-2">
          <input
            type="radio"
            id={i === 0 ? id : `${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={onChange}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            className="mt-0.5 h-6 w-6 shrink-0 cursor-pointer accent-ink"
          />
          <div>
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`} className="cursor-pointer">
              {o.label}
            </label>
            {o.hint ? (
              <div id={`${id}-${o.value}-hint`} className="text-base text-secondary">
                {o.hint}
              </div>
            ) : null}
          </div>
        </div>
      ))}
    </Fieldset>
  );
}
