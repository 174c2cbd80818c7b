/** The rule behind each column of the national view, in the words the area pages use. */
import { HowWorkedOut } from "@/components/ui/how-worked-out";

const RULES: ReadonlyArray<[string, React.ReactNode]> = [
  ["Plan type", "The area's current plan: the most recent one that is not closed. An area without one shows “No plan”."],
  ["Findings", "The areas of weakness, priority action or improvement in the current plan."],
  [
    "Actions red",
    <>
      Actions in the current plan whose delivery RAG is red, out of all its actions. An action is red when its due date has passed
      and it is not marked complete, or when its progress is below the plan&apos;s amber threshold (70% unless the plan sets
      another) of the progress expected by today: the share of the time from its start date to its due date that has passed. A
      RAG set by hand with a reason counts instead. The column sorts by the share, not the number.
    </>,
  ],
  [
    "Measures off track",
    "Measures whose latest value since the baseline falls short of their trajectory (baseline, milestones, target) by more than 10% of the planned change. A measure with no value in the last two update cycles counts as no recent data, not off track.",
  ],
  [
    "Updates overdue",
    "Actions still being delivered whose owner has posted no update within the plan's update cadence, counted from the latest update, or before the first one from the start date or when the action was added.",
  ],
  ["Days since last update", "Days since the latest progress update on any action in the current plan."],
  [
    "Next inspection",
    "The revisit or monitoring inspection the current plan is working towards: its start date, or the date expected, marked “estimated” when the date is only an estimate.",
  ],
  [
    "Last revisit or monitoring",
    "What the latest revisit (2016 framework) or monitoring inspection (2023) judged, on the latest of the area's plans with a finding judged: the current plan, or the plan it follows on from. “4 of 5 sufficient” means sufficient progress in 4 of the 5 findings judged; “so far” that some findings are not yet judged. Before any judgement, “Not yet revisited” or “Not yet monitored”. The column sorts by the share judged sufficient or effective, least first.",
  ],
  [
    "Forum disagreements",
    "The parent carer forum's current verdicts in the area that disagree. A verdict the forum has since replaced with a new one no longer counts.",
  ],
];

export function HowNationalWorkedOut() {
  return (
    <HowWorkedOut label="How is this worked out">
      <dl>
        {RULES.map(([column, rule]) => (
          <div key={column} className="mb-3">
            <dt className="font-bold">{column}</dt>
            <dd>{rule}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-2">Empty cells sort last, whichever way a column is sorted; areas that tie are listed by name.</p>
    </HowWorkedOut>
  );
}
