/**
 * The board pack appendix's last section: what changed since the snapshot before this pack's
 * state, in words a board reads ("Status: from In progress to Complete").
 */
import { formatMeasureValue } from "@/lib/format/measure-value";
import { describeFieldChange } from "@/lib/change-words";
import { formatDate } from "@/lib/format/dates";
import type { Block } from "@/server/services/board-pack/outline";
import { ADVISER_VIEW, EVIDENCE_KIND, REVIEW_STATUS, VERDICT, VISIBILITY } from "@/lib/labels";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import { countChanges, type PlanChanges } from "@/server/domain/plan-changes";
import type { PlanState } from "@/server/domain/plan-state";
import type { BoardPack } from "@/server/services/snapshots/snapshots";


function unitsOf(state: PlanState): Map<string, MeasureUnit> {
  return new Map(state.findings.flatMap((f) => f.measures.map((m) => [m.id, m.chart.unit] as const)));
}

function changeBlocks(changes: PlanChanges, state: PlanState): Block[] {
  if (countChanges(changes) === 0) return [{ kind: "paragraph", text: "Nothing has changed since then." }];
  const blocks: Block[] = [];
  const section = (heading: string, body: Block) => blocks.push({ kind: "heading", level: 3, text: heading }, body);

  if (changes.actions.length > 0) {
    section("Actions changed", {
      kind: "table",
      columns: [
        { header: "Ref", weight: 1 },
        { header: "Action", weight: 5 },
        { header: "What changed", weight: 7 },
      ],
      rows: changes.actions.map((a) => [a.ref, a.title, a.changes.map(describeFieldChange).join("; ")]),
    });
  }
  if (changes.newActions.length > 0 || changes.removedActions.length > 0) {
    section("Actions added or removed", {
      kind: "table",
      columns: [
        { header: "Ref", weight: 1 },
        { header: "Action", weight: 8 },
        { header: "Change", weight: 2 },
      ],
      rows: [
        ...changes.newActions.map((a) => [a.ref, a.title, "Added"]),
        ...changes.removedActions.map((a) => [a.ref, a.title, "Removed"]),
      ],
    });
  }
  if (changes.evidence.length > 0) {
    section("New evidence", {
      kind: "table",
      columns: [
        { header: "Evidence", weight: 6 },
        { header: "On", weight: 2 },
        { header: "Kind", weight: 2 },
        { header: "Who can see it", weight: 2 },
        { header: "Review", weight: 2 },
        { header: "Added", weight: 2 },
      ],
      rows: changes.evidence.map((e) => [e.title, e.on, EVIDENCE_KIND[e.kind], VISIBILITY[e.visibility], REVIEW_STATUS[e.reviewStatus], formatDate(e.createdAt)]),
    });
  }
  if (changes.measureValues.length > 0) {
    const units = unitsOf(state);
    const value = (measureId: string, n: number) => {
      const unit = units.get(measureId);
      return unit ? formatMeasureValue(n, unit) : String(n);
    };
    section("New measure values", {
      kind: "table",
      columns: [
        { header: "Measure", weight: 6 },
        { header: "Period ending", weight: 3 },
        { header: "Value", weight: 4 },
      ],
      rows: changes.measureValues.map((v) => [
        `${v.measureRef}: ${v.measureName}`,
        formatDate(v.date),
        v.previous === null ? value(v.measureId, v.value) : `${value(v.measureId, v.value)} (revised from ${value(v.measureId, v.previous)})`,
      ]),
    });
  }
  if (changes.verdicts.length > 0) {
    section("New forum verdicts", {
      kind: "table",
      columns: [
        { header: "On", weight: 2 },
        { header: "Verdict", weight: 2 },
        { header: "What the forum said", weight: 8 },
        { header: "Date", weight: 2 },
      ],
      rows: changes.verdicts.map((v) => [v.on, VERDICT[v.verdict], v.text, formatDate(v.createdAt)]),
    });
  }
  if (changes.adviserNotes.length > 0) {
    section("New adviser notes", {
      kind: "table",
      columns: [
        { header: "On", weight: 2 },
        { header: "View", weight: 2 },
        { header: "Note", weight: 8 },
        { header: "Date", weight: 2 },
      ],
      rows: changes.adviserNotes.map((n) => [
        n.findingRef ? `Finding ${n.findingRef}` : "The whole plan",
        n.view ? ADVISER_VIEW[n.view] : "No view given",
        n.note,
        formatDate(n.date),
      ]),
    });
  }
  return blocks;
}

/** A level-2 heading and what changed under it, each kind of change under a level-3 heading. */
export function changesContent(pack: BoardPack): Block[] {
  const { previous } = pack;
  if (!previous) {
    return [
      { kind: "heading", level: 2, text: "Changes since the last snapshot" },
      {
        kind: "paragraph",
        text: pack.snapshot
          ? "This is the first snapshot of this plan, so there is nothing earlier to compare it with."
          : "No snapshot has been taken yet, so there is nothing to compare the current state with.",
      },
    ];
  }
  return [{ kind: "heading", level: 2, text: `Changes since ${previous.label} (${formatDate(previous.takenAt)})` }, ...changeBlocks(previous.changes, pack.state)];
}
