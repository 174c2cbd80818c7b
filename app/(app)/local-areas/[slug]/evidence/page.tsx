import type { Metadata } from "next";
import { AwaitingReview } from "@/components/evidence/awaiting-review";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Evidence awaiting review" };

/** The plan lead's review queue for an area. Anyone else gets the "no permission" page. */
export default async function EvidenceAwaitingReviewPage({ params }: Params) {
  const { slug } = await params;
  // A refusal becomes the sign-in, not-found or forbidden page.
  const { area, items } = await loadForPage(
    getQueryClient().fetchQuery(trpc.evidence.awaitingReview.queryOptions({ slug })),
    routes.evidence(slug),
  );
  return (
    <>
      <BackLink href={routes.area(area.slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Evidence awaiting review</h1>
      <AwaitingReview items={items} />
    </>
  );
}
