"use client";
/**
 * GOV.UK error summary: shown at the top of a form that failed, focused so screen readers
 * announce it, each error linking to its field.
 */
import { useId } from "react";
import { useFocusOnArrival } from "@/components/ui/use-focus-on-arrival";

export type FieldError = { field: string; message: string };

/**
 * Following a link to a field, as GOV.UK's own error summary does: the field takes focus with its
 * label (for radios, checkboxes and groups, the group's question) scrolled into view above it. A
 * group is entered at its first control. Anything else is left to the browser.
 */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  const field = target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>("input, select, textarea") : target;
  if (!field?.matches("input, select, textarea")) return;
  const choice = field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox");
  const label =
    choice || field !== target ? field.closest("fieldset")?.querySelector("legend") : document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
  event.preventDefault();
  // A field folded away in a disclosure ("Choose from 12 actions") is unfolded first.
  const folded = field.closest("details");
  if (folded) folded.open = true;
  (label ?? field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

/**
 * `attempt` changes with each try at submitting (react-hook-form's `submitCount`): the summary
 * takes focus again when a second try fails the same way, not only when the problems change.
 */
export function ErrorSummary({ errors, title = "There is a problem", attempt = 0 }: { errors: FieldError[]; title?: string; attempt?: number }) {
  const titleId = useId();
  // Focus when the problems change or a new try fails, not on every render: typing in a field must keep its focus.
  const content = errors.map((e) => `${e.field}\u0000${e.message}`).join("\u0001");
  const ref = useFocusOnArrival<HTMLDivElement>(content && `${attempt}\u0002${content}`);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className="mb-8 border-[5px] border-error p-4 focus:outline-[3px] focus:outline-focus">
      <h2 id={titleId} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            {e.field ? (
              <a href={`#${e.field}`} onClick={(event) => focusField(event, e.field)} className="font-bold text-error! underline focus-visible:text-ink!">
                {e.message}
              </a>
            ) : (
              <span className="font-bold text-error">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
