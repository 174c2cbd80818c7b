import type { Metadata } from "next";
import Link from "next/link";
import { DisagreementsPanel } from "@/components/forum/disagreements-panel";
import { ForumEvidenceForm } from "@/components/forum/forum-evidence-form";
import { VerdictFacts } from "@/components/forum/verdict-history";
import { YouSaidWeDidForm } from "@/components/forum/you-said-we-did-form";
import { YouSaidWeDidList } from "@/components/forum/you-said-we-did-list";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { COPRODUCTION_LEVEL } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "The parent carer forum" };

/**
 * The forum's view: claims awaiting its verdict, every verdict it has given, its own evidence and
 * "you said, we did". Everyone in the area reads it; the forms are the forum's.
 */
export default async function ForumPage({ params }: Params) {
  const { slug } = await params;
  const returnTo = routes.forum(slug);
  const [view, yswd] = await Promise.all([
    loadForPage(getQueryClient().fetchQuery(trpc.forum.view.queryOptions({ slug })), returnTo),
    loadForPage(getQueryClient().fetchQuery(trpc.forum.youSaidWeDid.queryOptions({ slug })), returnTo),
  ]);
  const isForum = view.viewerCan.record;
  const current = view.history.filter((v) => v.current);
  const earlier = view.history.filter((v) => !v.current);

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {view.area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{view.area.name}</p>
      <h1 className="mb-6 text-4xl">The parent carer forum</h1>

      <DisagreementsPanel disagreements={view.disagreements} />

      {view.members ? (
        <section aria-labelledby="forum-members" className="mb-10">
          <h2 id="forum-members" className="mb-4 text-2xl">
            Who is in the forum
          </h2>
          <p className="mb-4 max-w-3xl text-secondary">
            The forum speaks as one: any of its members can give a verdict or replace the current one, and each verdict keeps
            the name of the member who gave it.
          </p>
          <ul className="mb-6 list-disc pl-6">
            {view.members.map((m) => (
              <li key={m.id}>
                {m.name ?? "A forum member"}
                {m.isYou ? " (you)" : ""}
                {m.jobTitle || m.organisation ? (
                  <span className="text-secondary"> · {[m.jobTitle, m.organisation].filter(Boolean).join(", ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="awaiting" className="mb-10">
        <h2 id="awaiting" className="mb-4 text-2xl">
          {isForum ? "Awaiting your verdict" : "Awaiting the forum's verdict"}
        </h2>
        <p className="mb-4 max-w-3xl text-secondary">
          Actions where the council claims co-designing or co-producing and the forum has not given a verdict, or
          that changed after its verdict.
        </p>
        {view.awaiting.length === 0 ? (
          <p className="mb-6">Nothing is waiting for a verdict.</p>
        ) : (
          <ul className="space-y-3">
            {view.awaiting.map((a) => (
              <li key={a.id} className="border-l-4 border-brand pl-4">
                <Link href={a.href}>
                  Action {a.ref}: {a.title}
                </Link>
                <p className="text-secondary">
                  The council claims {COPRODUCTION_LEVEL[a.claimedLevel].toLowerCase()} ·{" "}
                  {a.reason === "NO_VERDICT" ? "no verdict yet" : `changed on ${formatDate(a.changedAt)}, after the forum's verdict`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history" className="mb-10">
        <h2 id="history" className="mb-4 text-2xl">
          The forum&apos;s verdicts
        </h2>
        {current.length === 0 ? (
          <p className="mb-6">The forum has not given any verdicts yet.</p>
        ) : (
          <ul className="mb-4 space-y-4" aria-label={`${pluralise(current.length, "current verdict")}, newest first`}>
            {current.map((v) => (
              <li key={v.id} className={`border-l-4 p-4 ${v.verdict === "DISAGREE" ? "border-error bg-[#fbeae7]" : "border-border"}`}>
                <h3 className="mb-2 text-xl">
                  {v.verdict === "DISAGREE" ? "Disagree: " : ""}
                  {v.about.href ? <Link href={v.about.href}>{v.about.label}</Link> : v.about.label}
                </h3>
                <VerdictFacts v={v} />
              </li>
            ))}
          </ul>
        )}
        {earlier.length ? (
          <details>
            <summary className="cursor-pointer text-link underline">Earlier verdicts ({earlier.length}), since replaced by the forum</summary>
            <ul className="mt-4 space-y-4">
              {earlier.map((v) => (
                <li key={v.id} className="border-l-4 border-border pl-4">
                  <p className="mb-1 font-bold">{v.about.label}</p>
                  <VerdictFacts v={v} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="forum-evidence" className="mb-10">
        <h2 id="forum-evidence" className="mb-4 text-2xl">
          The forum&apos;s evidence
        </h2>
        {view.evidence.length === 0 ? (
          <p className="mb-6">The forum has not added any evidence yet.</p>
        ) : (
          <ul className="mb-6 space-y-3">
            {view.evidence.map((e) => (
              <li key={e.id} className="border-l-4 border-border pl-4">
                {e.href ? <a href={e.href}>{e.title}</a> : e.title}{" "}
                <Tag colour={e.visibility === "PUBLIC" ? "blue" : "grey"}>{e.visibility === "PUBLIC" ? "Public" : "Partners"}</Tag>
                <p className="text-secondary">
                  {e.about.label} · {formatDate(e.createdAt)}
                  {e.uploadedBy ? ` · ${e.uploadedBy}` : ""}
                </p>
                {e.description ? <p className="max-w-3xl">{e.description}</p> : null}
                {e.withdrawn ? (
                  <p>
                    Withdrawn by {e.withdrawn.by ?? "the plan lead"} on {formatDate(e.withdrawn.at)}: <q>{e.withdrawn.reason}</q>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isForum ? (
          <div className="border-l-4 border-brand pl-6">
            <ForumEvidenceForm targets={view.targets} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="yswd" className="mb-10">
        <h2 id="yswd" className="mb-4 text-2xl">
          You said, we did
        </h2>
        {yswd.viewerCan.propose || yswd.viewerCan.draft ? (
          <>
            <h3 className="mb-4 text-xl">Drafts</h3>
            <YouSaidWeDidList entries={yswd.drafts} slug={slug} side={yswd.viewerCan.propose ? "forum" : "lead"} findings={yswd.findings} empty="There are no drafts." />
          </>
        ) : null}
        <h3 className="mb-4 text-xl">Published</h3>
        <YouSaidWeDidList
          entries={yswd.published}
          slug={slug}
          side={null}
          findings={yswd.findings}
          empty="Nothing has been published yet."
        />
        {yswd.viewerCan.propose ? (
          <div className="border-l-4 border-brand pl-6">
            <YouSaidWeDidForm slug={slug} side="forum" findings={yswd.findings} />
          </div>
        ) : null}
        {yswd.viewerCan.publish ? (
          <p>
            <Link href={routes.youSaidWeDid(slug)}>Manage and publish “you said, we did”</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
