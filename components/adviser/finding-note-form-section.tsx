/**
 * On the finding page, for the area's advisers: the form to record a monitoring note on this
 * finding. Asks the adviser router (which those who may not read notes cannot call), so the page
 * renders it only for readers of adviser notes.
 */
import { AdviserNoteForm } from "@/components/adviser/adviser-note-form";
import { getQueryClient, trpc } from "@/server/api/rsc";

export async function FindingNoteFormSection({ slug, finding }: { slug: string; finding: { id: string; ref: string } }) {
  const { viewerCan } = await getQueryClient().fetchQuery(trpc.adviser.notes.queryOptions({ slug }));
  if (!viewerCan.write) return null;
  return (
    <div className="no-print border-l-4 border-brand pl-6">
      <AdviserNoteForm slug={slug} finding={finding} />
    </div>
  );
}
