/**
 * The footer's line on a published area's summary: "Contact <council>" when the lead has set the
 * council's SEND contact. It reads the page's own query (one request, one read); an area that is
 * not published, or any failure, leaves the line out and the page says what it must.
 */
import { OnAreaPages } from "@/components/public/on-area-pages";
import { AreaContact } from "@/components/site-footer";
import { getQueryClient, trpc } from "@/server/api/rsc";

export default async function AreaFooterContact({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await getQueryClient()
    .fetchQuery(trpc.publicArea.bySlug.queryOptions({ slug }))
    .catch(() => null);
  if (!page?.area.contact) return null;
  return (
    <OnAreaPages slug={page.area.slug}>
      <AreaContact areaName={page.area.name} contact={page.area.contact} />
    </OnAreaPages>
  );
}
