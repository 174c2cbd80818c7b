/** The rule behind each column of the national view, in the words the area pages use. */
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { formatDate } from "@/lib/format/dates";

const rulesFor = (monthAgo: Date): ReadonlyArray<[string, React.ReactNode]> => [
  [
    "Plan type",
    "The area's current plan: the most recent one that is not closed, with the number of areas of weakness, priority action or improvement in it. An area without one shows “No plan”.",
  ],
  [
    "Delivery",
    "The rule for a finding's delivery, over every action of the current plan: red when any action is red; amber when any is amber or has no due date; otherwise green, or complete when every live action is. Cancelled and deferred actions are not judged.",
  ],
  [
    "Impact",
    "The rule for a finding's impact, over every measure of the current plan: off track when any measure is; slightly behind when any is, or when some have no recent data or no trajectory and the rest are on track; no recent data when none can be judged; otherwise on track. Delivery and impact are shown side by side, never merged.",
  ],
  [
    "Adviser's view",
    "The view on the likely judgement in the adviser's latest monitoring note with a view, on the area as a whole or on a finding of a plan that has not ended, with the note's date.",
  ],
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
    "Change since a month ago",
    <>
      Beside actions red and measures off track, the change since {formatDate(monthAgo)}, worked out from the history: each
      action as its latest update posted by then left it (progress, status and any RAG set by hand; before its first update, not
      started; an action never updated, as it is now), judged by the same rule on that day; each measure by its latest value for a
      period ended by then and entered by then. Only actions and measures that existed then count. Dates and targets are read as
      they are now, since they change only through a change request. A plan started since then has no figure to compare.
    </>,
  ],
  [
    "Forum disagreements",
    "The parent carer forum's current verdicts in the area that disagree. A verdict the forum has since replaced with a new one no longer counts.",
  ],
];

export function HowNationalWorkedOut({ monthAgo }: { monthAgo: Date }) {
  return (
    <HowWorkedOut label="How is this worked out">
      <dl>
        {rulesFor(monthAgo).map(([column, rule]) => (
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
