/**
 * At the top of a page of a record whose plan has ended: what ended and when, that the page is
 * kept as it was, and where the work goes on (the record that continues it in the current plan,
 * when one does) and the area's plans. The page shows no edit controls below it.
 */
import Link from "next/link";
import type { PlanEnding } from "@/components/trpc/outputs";
import { formatDate } from "@/lib/format/dates";
import { PLAN_TYPE } from "@/lib/labels";
import { routes } from "@/lib/routes";

export function EndedPlanBanner({
  slug,
  ending,
  continuedBy = [],
}: {
  slug: string;
  ending: PlanEnding;
  /** The records of later plans that carry this one forward: "Finding 1 of <APP title>". */
  continuedBy?: ReadonlyArray<{ href: string; label: string }>;
}) {
  const plan = (
    <>
      {PLAN_TYPE[ending.type].toLowerCase()} (<Link href={routes.planRecord(slug, ending.id)}>{ending.title}</Link>)
    </>
  );
  return (
    <div className="mb-8 max-w-3xl border-l-[10px] border-border bg-panel p-4">
      <p className="mb-2 font-bold">
        This {plan} ended:{" "}
        {ending.status === "SUPERSEDED" ? (
          <>
            superseded
            {ending.successor ? (
              <>
                {" "}
                by <Link href={routes.planRecord(slug, ending.successor.id)}>{ending.successor.title}</Link>
              </>
            ) : null}{" "}
            on {formatDate(ending.on)}
          </>
        ) : (
          <>closed on {formatDate(ending.on)}</>
        )}
        .
      </p>
      <p className="mb-2">What you see is kept as it was. Make changes in the current plan.</p>
      {continuedBy.length ? (
        <p className="mb-2">
          The work goes on in{" "}
          {continuedBy.map((c, i) => (
            <span key={c.href}>
              {i > 0 ? ", " : ""}
              <Link href={c.href}>{c.label}</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
      <p className="mb-0">
        <Link href={routes.plans(slug)}>The area&apos;s plans</Link>
      </p>
    </div>
  );
}
