/**
 * A section of the finding page (the revisit evidence pack): its heading and a line saying where it
 * stands are always shown; the detail (tables, charts, lists) sits behind a disclosure, so the page
 * reads as a summary first. Printed, every disclosure is open and its "Show ..." line left out
 * (app/globals.css, and PrintButton opens them for browsers that need it).
 */
export function PackSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 border-t border-border pt-6">
      <h2 id={id} className="mb-3 text-2xl">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The detail behind a "Show ..." line: closed until opened, open when printed. */
export function PackDetails({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="pack-details mt-3 mb-4">
      <summary className="cursor-pointer py-1 text-link underline">{summary}</summary>
      <div className="mt-4">{children}</div>
    </details>
  );
}
