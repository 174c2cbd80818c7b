import type { Metadata } from "next";
import Link from "next/link";
import { FindingCard } from "@/components/public/finding-card";
import { HowWeWorkItOut } from "@/components/public/finding-status";
import { shortTitle } from "@/components/public/titles";
import { YouSaidWeDid } from "@/components/public/what-parents-say";
import type { PublicAreaPage as Page } from "@/components/trpc/outputs";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { PLAN_TYPE, REGION } from "@/lib/labels";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";

type Params = { params: Promise<{ slug: string }> };

// An unpublished or unknown area is "page not found" (loadForPage), the same for everyone.
const load = (slug: string) => loadForPage(getQueryClient().fetchQuery(trpc.publicArea.bySlug.queryOptions({ slug })), routes.publicArea(slug));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { area } = await load((await params).slug);
  return {
    title: `${area.name}: SEND improvement plan progress`,
    description: `What inspectors found in ${area.name}'s support for children with SEND, what is being done, and whether it is working.`,
  };
}

type Plan = NonNullable<Page["plan"]>;

const verb = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How far the plan's actions and measures have got, in one or two sentences. */
function Progress({ progress }: { progress: Plan["progress"] }) {
  const { actions } = progress;
  if (actions.total === 0) return <p className="mb-0">No actions have been agreed yet.</p>;
  const rest = [
    actions.inProgress ? `${actions.inProgress} in progress` : null,
    actions.notStarted ? `${actions.notStarted} not started` : null,
    actions.setAside ? `${actions.setAside} deferred or cancelled` : null,
  ].filter(Boolean);
  return (
    <>
      <p className="mb-1">
        {actions.complete} of {pluralise(actions.total, "action")} complete{rest.length ? `; ${rest.join(", ")}` : ""}.
      </p>
      {actions.notUpdated ? <p className="mb-1">{verb(actions.notUpdated, "action has", "actions have")} not been updated on time.</p> : null}
      <p className="mb-0">
        {progress.measures ? `${progress.measuresOnTrack} of ${pluralise(progress.measures, "measure")} on track.` : "No measures have been set yet."}
      </p>
    </>
  );
}

/** When the inspectors come back, or what they found when they did. */
function FollowUp({ plan }: { plan: Plan }) {
  const outcome = plan.followUpOutcome;
  if (outcome) {
    return (
      <>
        <p className="mb-1">{outcome.plain}</p>
        {outcome.letterUrl ? (
          <p className="mb-0">
            <a href={outcome.letterUrl} rel="noopener noreferrer">
              Read the inspectors&apos; letter
            </a>
          </p>
        ) : null}
      </>
    );
  }
  const f = plan.followUp;
  const come = f?.kind === "MONITORING" ? "check progress" : "come back to check progress";
  if (!f?.date) return <p className="mb-0">The date the inspectors will {come} has not been set yet.</p>;
  if (f.happened) return <p className="mb-0">The inspectors came back on {formatDate(f.date)}. What they found has not been published here yet.</p>;
  if (f.daysToGo !== null && f.daysToGo < 0) {
    return (
      <p className="mb-0">
        The inspectors were expected to {come} {f.isEstimate ? "around" : "on"} {formatDate(f.date)}. A new date has not been set yet.
      </p>
    );
  }
  return (
    <p className="mb-0">
      <strong className="text-2xl">{f.daysToGo === 0 ? "Today" : pluralise(f.daysToGo ?? 0, "day")}</strong>
      <span className="block">
        until the inspectors are due to {come} ({f.isEstimate ? "expected around" : "on"} {formatDate(f.date)}).
      </span>
    </p>
  );
}

function ForumView({ forum }: { forum: Plan["forum"] }) {
  if (forum.views === 0) return <p className="mb-0">The parent carer forum has not published a view on the plan yet.</p>;
  const parts = [
    forum.agree ? `agrees on ${forum.agree}` : null,
    forum.agreeWithComments ? `agrees with comments on ${forum.agreeWithComments}` : null,
    forum.disagree ? `disagrees on ${forum.disagree}` : null,
  ].filter((p): p is string => p !== null);
  const said = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return (
    <p className="mb-0">
      The parent carer forum, an independent group of parents, has published its view on {pluralise(forum.views, "part")} of the work:
      it {said}. Each area&apos;s page gives the forum&apos;s views in its own words.
    </p>
  );
}

/** A published area's summary, for families: the plan at a glance, then one card per finding, each leading to its own page. */
export default async function PublicAreaPage({ params }: Params) {
  const page = await load((await params).slug);
  const { area, plan } = page;
  const places = page.youSaidWeDid;
  return (
    <>
      <div className="no-print">
        <BackLink href={routes.publicAreas()}>All published areas</BackLink>
      </div>
      <p className="mb-1 text-xl text-secondary">{REGION[area.region]}</p>
      <h1 className="mb-4 text-4xl break-words">{area.name}: support for children and young people with SEND</h1>
      <div className="mb-8 max-w-3xl">
        {plan ? (
          <p className="mb-4 text-xl">
            Inspectors found that parts of {area.name}&apos;s support for children and young people with special
            educational needs and disabilities (SEND) needed to get better. The council and the NHS are working to a
            plan, the {PLAN_TYPE[plan.type].toLowerCase()}
            {plan.acceptedDate ? `, agreed on ${formatDate(plan.acceptedDate)}` : ""}. This page shows how it is going.
          </p>
        ) : (
          <p className="mb-4 text-xl">{area.name} has no improvement plan under way at the moment.</p>
        )}
        {page.lastUpdated ? <p className="mb-0 font-bold">Last updated {formatDate(page.lastUpdated)}</p> : null}
      </div>

      {plan ? (
        <section aria-labelledby="at-a-glance" className="mb-10">
          <h2 id="at-a-glance" className="mb-4 text-3xl">
            At a glance
          </h2>
          <dl className="grid gap-4 md:grid-cols-2">
            <div className="min-w-0 border-l-4 border-brand bg-panel p-4">
              <dt className="mb-1 text-xl font-bold">Progress</dt>
              <dd>
                <Progress progress={plan.progress} />
              </dd>
            </div>
            <div className="min-w-0 border-l-4 border-brand bg-panel p-4">
              <dt className="mb-1 text-xl font-bold">{plan.followUpOutcome ? "When the inspectors came back" : "The inspectors' next visit"}</dt>
              <dd>
                <FollowUp plan={plan} />
              </dd>
            </div>
            <div className="min-w-0 border-l-4 border-brand bg-panel p-4 md:col-span-2">
              <dt className="mb-1 text-xl font-bold">What the parent carer forum says</dt>
              <dd>
                <ForumView forum={plan.forum} />
              </dd>
            </div>
          </dl>
        </section>
      ) : null}

      {page.findings.length ? (
        <section aria-labelledby="findings" className="mb-10">
          <h2 id="findings" className="mb-2 text-3xl">
            What the inspectors found, and how it is going
          </h2>
          <p className="mb-4 max-w-3xl">
            The inspectors named {pluralise(page.findings.length, "area")} to improve. Choose one to see what is being done, whether it is
            working and what parents say.{" "}
            {plan ? (
              <>
                Work is meant to be updated at least every {plan.cadenceDays} days. We name the organisations doing the work, not the
                people.
              </>
            ) : null}
          </p>
          <HowWeWorkItOut />
          <ol className="grid gap-6 md:grid-cols-2" aria-label="Areas to improve">
            {page.findings.map((f) => (
              <FindingCard key={f.ref} slug={area.slug} finding={f} />
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="you-said-we-did" className="border-t-4 border-ink pt-4">
        <h2 id="you-said-we-did" className="mb-4 text-3xl">
          You said, we did
        </h2>
        <p className="mb-4 max-w-3xl">What families told {area.name}, and what was done about it.</p>
        {places.none ? <p className="mb-6">Nothing has been published here yet.</p> : null}
        {places.areaWide.length ? <YouSaidWeDid entries={places.areaWide} empty="Nothing has been published here yet." /> : null}
        {places.onFindings.length ? (
          <>
            <p className="mb-2">{places.areaWide.length ? "More about particular areas of the plan:" : "Published about particular areas of the plan:"}</p>
            <ul className="mb-6 list-disc space-y-1 pl-5">
              {places.onFindings.map((f) => (
                <li key={f.ref}>
                  <Link href={`${routes.publicFinding(area.slug, f.ref)}#you-said-we-did`}>{shortTitle(f)}</Link> ({pluralise(f.entries, "entry", "entries")})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
