/** A finding's measures: each one's status against its plan, its chart and the figures behind it. */
import { MeasureChart } from "@/components/charts/measure-chart";
import { anchor } from "@/components/public/anchors";
import { LastUpdated } from "@/components/public/last-updated";
import { MeasureStatusTag } from "@/components/ui/tag";
import type { PublicFinding } from "@/components/public/types";

export function IsItWorking({ finding }: { finding: PublicFinding }) {
  if (finding.measures.length === 0) return <p className="mb-6">No measures have been set for this yet.</p>;
  return (
    <>
      <p className="mb-4">
        Each measure has a plan for where it should be by each date. &ldquo;On track&rdquo; means the latest figure is
        where the plan said it would be by then.
      </p>
      {finding.measures.map((m) => {
        const titleId = `measure-${anchor(finding.ref)}-${anchor(m.chart.ref)}`;
        return (
          <div key={m.chart.ref} className="mb-6 border-t border-border pt-4">
            <h3 id={titleId} className="mb-2 text-xl break-words">
              {m.chart.name}
            </h3>
            <p className="mb-2">
              <MeasureStatusTag status={m.status} /> <LastUpdated date={m.lastUpdated} stale={m.stale} />
            </p>
            {m.definition ? <p className="mb-2 max-w-3xl">{m.definition}</p> : null}
            <MeasureChart chart={m.chart} titleId={titleId} figuresCollapsed />
          </div>
        );
      })}
    </>
  );
}
