import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { PeopleAndRoles } from "@/components/area/people-and-roles";
import { PublicContactForm } from "@/components/area/public-contact-form";
import { PublicPageControl } from "@/components/area/public-page-control";
import { ReadinessGrid } from "@/components/area/readiness-grid";
import { FollowUpOutcome } from "@/components/plans/follow-up-outcome";
import { PlanJourneyLine } from "@/components/plans/plan-journey-line";
import { DisagreementsPanel } from "@/components/forum/disagreements-panel";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { INSPECTION_KIND, PLAN_STATUS, PLAN_TYPE, REGION } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return loadForPage(getQueryClient().fetchQuery(trpc.area.home.queryOptions({ slug })), routes.area(slug));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const home = await load(slug);
  return { title: home.area.name };
}

/**
 * The area home leads with where the plan stands (its journey, the days to its follow-up, what needs
 * attention, where the forum disagrees) and then lists the findings with their status: delivery,
 * impact, the forum's verdict, the adviser's view and the last update. Each finding's actions,
 * measures and evidence are on its own page.
 */
export default async function AreaHomePage({ params }: Params) {
  const { slug } = await params;
  // One procedure, one round trip: the disagreements come with the plan, so the page stays within its query budget.
  const { area, plan, evidenceAwaitingReview, viewerCan, disagreements } = await load(slug);
  // Leads only: who holds a role here and the recent changes to roles.
  const people = viewerCan.seePeople
    ? await loadForPage(getQueryClient().fetchQuery(trpc.area.people.queryOptions({ slug })), routes.area(slug))
    : null;
  const actions = plan?.findings.flatMap((f) => f.actions) ?? [];
  const red = actions.filter((a) => a.rag.shown === "RED").length;
  const overdue = actions.filter((a) => a.update.overdue).length;

  return (
    <>
      <p className="mb-1 text-xl text-secondary">{REGION[area.region]}</p>
      <h1 className="mb-4 text-4xl">{area.name}</h1>
      <nav aria-label={`${area.name} plan`} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {plan ? (
            <>
              <li>
                <Link href={routes.actions(area.slug)}>All actions</Link>
              </li>
              <li>
                <Link href={routes.measures(area.slug)}>Measures</Link>
              </li>
              <li>
                <Link href={routes.snapshots(area.slug)}>Snapshots and board packs</Link>
              </li>
              <li>
                <Link href={routes.forum(area.slug)}>Parent carer forum</Link>
              </li>
              <li>
                <Link href={routes.judgements(area.slug)}>Judgements</Link>
              </li>
              <li>
                <Link href={routes.changeRequests(area.slug)}>Change requests</Link>
              </li>
              <li>
                <Link href={routes.planHistory(area.slug, plan.id)}>History of the plan</Link>
              </li>
              {viewerCan.seeAdviserViews ? (
                <li>
                  <Link href={routes.monitoring(area.slug)}>Adviser&apos;s monitoring notes</Link>
                </li>
              ) : null}
            </>
          ) : null}
          {/* Every plan the area has had, the ended ones still readable: there even without a current plan. */}
          <li>
            <Link href={routes.plans(area.slug)}>The area&apos;s plans</Link>
          </li>
          {viewerCan.edit ? (
            <li>
              <Link href={routes.plan(area.slug)}>{plan ? "Build the plan" : "Start a plan"}</Link>
            </li>
          ) : null}
          {viewerCan.seeActivity ? (
            <li>
              <Link href={routes.activity(area.slug)}>Activity</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {!plan ? (
        <p>This local area has no current improvement plan.</p>
      ) : (
        <>
          <p className="mb-2 text-xl">
            {PLAN_TYPE[plan.type]} <Tag colour="grey">{PLAN_STATUS[plan.status]}</Tag>
          </p>
          <PlanJourneyLine journey={plan.journey} label={`Where the ${PLAN_TYPE[plan.type].toLowerCase()} is`} />
          {/* Once the follow-up has happened its outcome replaces the countdown: it is never shown as overdue. */}
          {plan.journey.hasHappened ? <FollowUpOutcome journey={plan.journey} headingId="follow-up-outcome" /> : null}
          {/* Two abreast even on a phone: the figures are the summary, and should be seen together. */}
          <div className="mb-8 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {plan.journey.hasHappened ? null : (
              <div className="bg-panel p-3 sm:p-4">
                <p className="text-base">{plan.followUp ? INSPECTION_KIND[plan.followUp.kind] : "Next inspection"}</p>
                {plan.followUp?.date ? (
                  <>
                    <p className="text-3xl font-bold">
                      {plan.followUp.overdue ? "Overdue" : pluralise(plan.followUp.daysToGo!, "day")}
                    </p>
                    <p className="text-base">
                      {plan.followUp.isEstimate ? "Expected around " : "On "}
                      {formatDate(plan.followUp.date)}
                    </p>
                  </>
                ) : (
                  <p className="text-xl font-bold">Date not known</p>
                )}
              </div>
            )}
            <div className="bg-panel p-3 sm:p-4">
              <p className="text-base">Actions red</p>
              <p className="text-3xl font-bold">{red}</p>
              <p className="text-base">of {pluralise(actions.length, "action")}</p>
            </div>
            <div className="bg-panel p-3 sm:p-4">
              <p className="text-base">Updates overdue</p>
              <p className="text-3xl font-bold">{overdue}</p>
              <p className="text-base">
                {overdue ? (
                  <Link href={routes.actions(area.slug, { overdue: "1" })}>See the actions</Link>
                ) : (
                  "no update within the plan's cadence"
                )}
              </p>
            </div>
            <div className="bg-panel p-3 sm:p-4">
              <p className="text-base">Evidence awaiting review</p>
              <p className="text-3xl font-bold">{evidenceAwaitingReview}</p>
              <p className="text-base">
                {viewerCan.review && evidenceAwaitingReview ? (
                  <Link href={routes.evidence(area.slug)}>Review it</Link>
                ) : (
                  "items not yet accepted or rejected"
                )}
              </p>
            </div>
          </div>

          <HowWorkedOut label="How delivery RAG is worked out">
            <p className="mb-2">
              Each action&apos;s progress is compared with the progress expected by today: the share of the time from its
              start date to its due date that has passed.
            </p>
            <p className="mb-2">
              Green at {Math.round(plan.rules.green * 100)}% or more of expected, amber at {Math.round(plan.rules.amber * 100)}% or
              more, red below that. An action past its due date and
              not marked complete is red. A lead or owner may set a different RAG by hand, with a reason; both are
              shown on the action.
            </p>
          </HowWorkedOut>

          <div className="mt-8">
            <DisagreementsPanel disagreements={disagreements} />
          </div>
          {plan.findings.length === 0 ? (
            <p className="mt-8">This plan has no findings yet.</p>
          ) : (
            <section aria-labelledby="readiness" className="mt-8">
              <h2 id="readiness" className="mb-4 text-2xl">
                {plan.journey.hasHappened
                  ? `The findings after the ${INSPECTION_KIND[plan.journey.followUpKind].toLowerCase()}`
                  : `Readiness for the ${plan.followUp ? INSPECTION_KIND[plan.followUp.kind].toLowerCase() : "next inspection"}`}
              </h2>
              <ReadinessGrid
                slug={area.slug}
                findings={plan.findings}
                showAdviserViews={viewerCan.seeAdviserViews}
                judgementColumn={plan.journey.hasHappened ? `Judgement at the ${INSPECTION_KIND[plan.journey.followUpKind].toLowerCase()}` : undefined}
                caption={
                  plan.journey.hasHappened
                    ? `Each finding: the ${INSPECTION_KIND[plan.journey.followUpKind].toLowerCase()}'s judgement, and delivery and impact today`
                    : plan.followUp?.daysToGo != null
                      ? `Each finding, ${plan.followUp.daysToGo >= 0 ? `${pluralise(plan.followUp.daysToGo, "day")} before` : "after the date expected for"} the ${INSPECTION_KIND[plan.followUp.kind].toLowerCase()}`
                      : "Each finding"
                }
              />
            </section>
          )}
        </>
      )}
      {people ? <PeopleAndRoles people={people} /> : null}
      {viewerCan.publish ? (
        <div className="mt-12">
          <PublicPageControl slug={area.slug} published={area.publicPagePublished}>
            <PublicContactForm slug={area.slug} email={area.publicContact.email} url={area.publicContact.url} />
          </PublicPageControl>
        </div>
      ) : null}
    </>
  );
}
