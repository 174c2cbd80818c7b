/**
 * The footer's line on a published area's finding page: "Contact <council>" when set, from the
 * page's own query, as on the area's summary.
 */
import { OnAreaPages } from "@/components/public/on-area-pages";
import { AreaContact } from "@/components/site-footer";
import { getQueryClient, trpc } from "@/server/api/rsc";

export default async function FindingFooterContact({ params }: { params: Promise<{ slug: string; ref: string }> }) {
  const { slug, ref } = await params;
  const page = await getQueryClient()
    .fetchQuery(trpc.publicArea.finding.queryOptions({ slug, ref }))
    .catch(() => null);
  if (!page?.area.contact) return null;
  return (
    <OnAreaPages slug={page.area.slug}>
      <AreaContact areaName={page.area.name} contact={page.area.contact} />
    </OnAreaPages>
  );
}
