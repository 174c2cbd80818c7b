/** The advisers' view on a finding: the latest note and view shown, earlier ones behind a disclosure. */
import { formatDate } from "@/lib/format/dates";
import { AdviserViewTag } from "@/components/ui/tag";
import { PackDetails } from "@/components/findings/pack-section";
import type { FindingAdviserNote as Note } from "@/components/trpc/outputs";

function NoteItem({ n, latest }: { n: Note; latest: boolean }) {
  return (
    <li className={`break-inside-avoid border-l-4 pl-4 ${latest ? "border-ink" : "border-border"}`}>
      <p className="mb-1">
        {n.view ? <AdviserViewTag view={n.view} /> : <span className="font-bold">No view given</span>}{" "}
        <span className="text-secondary">
          {latest ? "Latest, " : ""}
          {formatDate(n.date)}
          {n.authorName ? ` by ${n.authorName}` : ""}
        </span>
      </p>
      <p className="whitespace-pre-line">{n.note}</p>
    </li>
  );
}

export function AdviserNotes({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return <p className="mb-8">No adviser has written a note on this finding yet.</p>;
  const [latest, ...earlier] = notes;
  return (
    <div className="mb-8">
      <ol className="space-y-4">
        <NoteItem n={latest!} latest />
      </ol>
      {earlier.length ? (
        <PackDetails summary={`Earlier notes (${earlier.length})`}>
          <ol className="space-y-4">
            {earlier.map((n) => (
              <NoteItem key={n.id} n={n} latest={false} />
            ))}
          </ol>
        </PackDetails>
      ) : null}
    </div>
  );
}
