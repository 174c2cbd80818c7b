/** GOV.UK summary list: key-value rows for a record's details. */
export function SummaryList({ rows }: { rows: Array<{ key: string; value: React.ReactNode }> }) {
  return (
    <dl className="mb-8 border-t border-border">
      {rows.map((row) => (
        <div key={row.key} className="border-b border-border py-2.5 sm:flex sm:gap-5">
          <dt className="font-bold sm:w-1/3">{row.key}</dt>
          <dd className="sm:w-2/3">{row.value ?? <span className="text-secondary">Not recorded</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
