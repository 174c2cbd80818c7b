"use client";
/**
 * GOV.UK error summary: shown at the top of a form that failed, focused so screen readers
 * announce it, each error linking to its field.
 */
import { useEffect, useId, useRef } from "react";

export type FieldError = { field: string; message: string };

export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Focus when the problems change, not on every render: typing in a field must keep its focus.
  const content = errors.map((e) => `${e.field}\u0000${e.message}`).join("\u0001");
  useEffect(() => {
    if (content) ref.current?.focus();
  }, [content]);
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
              <a href={`#${e.field}`} className="font-bold text-error! underline">
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
