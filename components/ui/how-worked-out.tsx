/** The "how this is worked out" disclosure every roll-up carries: the rule and its inputs. */
export function HowWorkedOut({ children, label = "How this is worked out" }: { children: React.ReactNode; label?: string }) {
  return (
    <details className="mt-1 text-base">
      <summary className="cursor-pointer text-link underline">{label}</summary>
      <div className="panel-border mt-2 py-1 pl-4 text-base">{children}</div>
    </details>
  );
}
