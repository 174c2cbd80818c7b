import type { Metadata } from "next";
import { YouSaidWeDidForm } from "@/components/forum/you-said-we-did-form";
import { YouSaidWeDidList } from "@/components/forum/you-said-we-did-list";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "You said, we did" };

/** The plan lead's "you said, we did": drafts (the forum's and the lead's) to publish, what is published, a new draft. */
export default async function YouSaidWeDidPage({ params }: Params) {
  const { slug } = await params;
  const data = await loadForPage(getQueryClient().fetchQuery(trpc.forum.youSaidWeDid.queryOptions({ slug })), routes.youSaidWeDid(slug));
  const side = data.viewerCan.draft ? "lead" : data.viewerCan.propose ? "forum" : null;
  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {data.area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{data.area.name}</p>
      <h1 className="mb-4 text-4xl">You said, we did</h1>
      <p className="mb-8 max-w-3xl">
        What families said and what was done about it. The forum or the plan lead drafts an entry; the plan lead publishes it
        on the public page; the forum may add its own comment to a published entry.
      </p>
      {side ? (
        <section aria-labelledby="drafts" className="mb-10">
          <h2 id="drafts" className="mb-4 text-2xl">
            Drafts
          </h2>
          <YouSaidWeDidList entries={data.drafts} slug={slug} side={side} findings={data.findings} empty="There are no drafts waiting." />
        </section>
      ) : null}
      <section aria-labelledby="published" className="mb-10">
        <h2 id="published" className="mb-4 text-2xl">
          Published
        </h2>
        <YouSaidWeDidList entries={data.published} slug={slug} side={null} findings={data.findings} empty="Nothing has been published yet." />
      </section>
      {side ? (
        <section className="mb-10 border-l-4 border-brand pl-6">
          <YouSaidWeDidForm slug={slug} side={side} findings={data.findings} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}
