import type { Metadata } from "next";
import Link from "next/link";
import { MakeTokenForm } from "@/components/api-tokens/make-token-form";
import { TokenList } from "@/components/api-tokens/token-list";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "API tokens" };

/** The area's tokens for Headway's API: the plan lead's (an administrator's in any area); anyone else is refused. */
export default async function ApiTokensPage({ params }: Params) {
  const { slug } = await params;
  const { area, tokens, lastDayRange } = await loadForPage(getQueryClient().fetchQuery(trpc.apiToken.list.queryOptions({ slug })), routes.apiTokens(slug));

  return (
    <>
      <BackLink href={routes.plan(area.slug)}>Back to the plan</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-4 text-4xl">API tokens</h1>
      <div className="mb-8 max-w-2xl">
        <p className="mb-4">
          A token lets one of the area&apos;s own systems, such as the one that makes the SEN2 return, read the plan and send
          measure values to Headway without anyone typing them in. It works for {area.name} only, does only what you choose,
          and stops on its last day or when you revoke it.
        </p>
        <p className="mb-4">
          What a token sends is checked as the value form checks it, and recorded in the history under the name of the
          person who made it and the token&apos;s. It works only while that person is the area&apos;s plan lead (or an
          administrator).
        </p>
        <p>
          How to use a token: <Link href={routes.apiDocs()}>the API reference</Link>.
        </p>
      </div>

      <section aria-labelledby="tokens-heading" className="mb-12">
        <h2 id="tokens-heading" className="mb-4 text-2xl">
          Tokens
        </h2>
        <TokenList tokens={tokens} />
      </section>

      <section className="mb-12">
        <MakeTokenForm slug={area.slug} lastDayRange={lastDayRange} />
      </section>
    </>
  );
}
