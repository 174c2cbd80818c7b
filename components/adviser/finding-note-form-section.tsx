/**
 * On the finding page, for the area's advisers: the form to record a monitoring note on this
 * finding. The page renders it only for readers of adviser notes, and says whether this one may
 * write them (finding.byId reads it with the finding, so the page asks nothing more).
 */
import { AdviserNoteForm } from "@/components/adviser/adviser-note-form";

export function FindingNoteFormSection({ slug, finding, mayWrite }: { slug: string; finding: { id: string; ref: string }; mayWrite: boolean }) {
  if (!mayWrite) return null;
  return (
    <div className="no-print border-l-4 border-brand pl-6">
      <AdviserNoteForm slug={slug} finding={finding} />
    </div>
  );
}
