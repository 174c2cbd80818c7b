import type { Metadata } from "next";
import Link from "next/link";
import { PlanFacts, PlanSnapshots } from "@/components/plan-history/plan-facts";
import { BackLink } from "@/components/ui/back-link";
import { Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "The area's plans" };

/**
 * Every plan the area has had, newest first: what each answered, how its follow-up judged it, the
 * plan it continued and the one that followed, and its snapshots. An ended plan stays readable.
 */
export default async function PlansPage({ params }: Params) {
  const { slug } = await params;
  const { area, plans } = await loadForPage(getQueryClient().fetchQuery(trpc.plan.list.queryOptions({ slug })), routes.plans(slug));
  return (
    <>
      <BackLink href={routes.area(area.slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-4 text-4xl">The area&apos;s plans</h1>
      <p className="mb-8 max-w-3xl">
        Every plan {area.name} has had, newest first. A plan that has ended, closed or superseded by the plan that carried its
        findings forward, stays here to read as it was left.
      </p>
      {plans.length === 0 ? (
        <p>This local area has no plan yet.</p>
      ) : (
        <ol className="space-y-10" aria-label="Plans, newest first">
          {plans.map((plan) => (
            <li key={plan.id}>
              <section aria-labelledby={`plan-${plan.id}`} className={`border-l-4 pl-4 sm:pl-6 ${plan.isCurrent ? "border-brand" : "border-border"}`}>
                <h2 id={`plan-${plan.id}`} className="mb-2 text-2xl">
                  <Link href={routes.planRecord(area.slug, plan.id)}>
                    {PLAN_TYPE[plan.type]}: {plan.title}
                  </Link>
                </h2>
                <p className="mb-4 flex flex-wrap items-center gap-3">
                  <Tag colour={plan.isCurrent ? "blue" : plan.ended ? "grey" : "yellow"}>{PLAN_STATUS[plan.status]}</Tag>
                  {plan.isCurrent ? <span>The area&apos;s current plan</span> : null}
                </p>
                <PlanFacts slug={area.slug} plan={plan} />
                <PlanSnapshots slug={area.slug} snapshots={plan.snapshots} />
                <p className="mb-0">
                  <Link href={routes.planRecord(area.slug, plan.id)}>
                    Read {plan.ended ? "this plan as it was left" : "this plan"}
                    <span className="sr-only">: {plan.title}</span>
                  </Link>
                </p>
              </section>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
