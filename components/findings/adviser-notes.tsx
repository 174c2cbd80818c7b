/** The advisers' view on a finding: the latest note and view first, earlier ones after it. */
import { formatDate } from "@/lib/format/dates";
import { AdviserViewTag } from "@/components/ui/tag";
import type { FindingAdviserNote as Note } from "@/components/trpc/outputs";

export function AdviserNotes({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return <p className="mb-8">No adviser has written a note on this finding yet.</p>;
  return (
    <ol className="mb-8 space-y-4">
      {notes.map((n, i) => (
        <li key={n.id} className={`break-inside-avoid border-l-4 pl-4 ${i === 0 ? "border-ink" : "border-border"}`}>
          <p className="mb-1">
            {n.view ? <AdviserViewTag view={n.view} /> : <span className="font-bold">No view given</span>}{" "}
            <span className="text-secondary">
              {i === 0 ? "Latest, " : ""}
              {formatDate(n.date)}
              {n.authorName ? ` by ${n.authorName}` : ""}
            </span>
          </p>
          <p className="whitespace-pre-line">{n.note}</p>
        </li>
      ))}
    </ol>
  );
}
