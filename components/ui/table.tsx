/**
 * GOV.UK-style table: a caption (visible or for screen readers only), column headings, and the
 * rows the caller renders with `cell` for each <td>. Scrolls sideways on narrow screens, within itself.
 */
export const cell = "py-2 pr-3";

export function Table({
  caption,
  captionHidden = true,
  columns,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: string[];
  children: React.ReactNode;
}) {
  return (
    // Relative, so the screen-reader-only words in its cells stay inside the scrolling box rather
    // than widening the page on a narrow screen.
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-base">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-xl font-bold"}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {columns.map((c) => (
              <th key={c} scope="col" className={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const rowClass = "border-b border-border align-top";
