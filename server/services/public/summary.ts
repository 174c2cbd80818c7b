/**
 * What the public summary page says in a line or two, worked out from what the public page may
 * show: how the work is going, whether it is working, what the forum has said, where the "you
 * said, we did" entries are, and who to contact. Pure: no database, unit-tested beside it.
 */
import { pluralise } from "@/lib/format/plurals";
import type { MeasureStatus } from "@/server/domain/measure-status";
import type { ActionStatus, VerdictKind } from "@/server/generated/prisma/enums";

/**
 * "2 of 3 measures on track, 1 slightly behind": a finding's measures in one line, every status
 * named in words, in the order a family would want to know them.
 */
export function isItWorkingLine(statuses: ReadonlyArray<MeasureStatus>): string {
  if (statuses.length === 0) return "No measures have been set for this yet.";
  const count = (s: MeasureStatus) => statuses.filter((x) => x === s).length;
  const rest = [
    [count("AMBER"), "slightly behind"],
    [count("OFF_TRACK"), "off track"],
    [count("NO_DATA"), "without recent figures"],
    [count("NO_TRAJECTORY"), "without a target to measure against"],
  ] as const;
  const others = rest.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  const head = `${count("ON_TRACK")} of ${pluralise(statuses.length, "measure")} on track`;
  return `${[head, ...others].join(", ")}.`;
}

/** How far the plan's actions have got, for the summary: counts only, by status. */
export function actionProgress(actions: ReadonlyArray<{ status: ActionStatus; stale: boolean }>) {
  const count = (s: ActionStatus) => actions.filter((a) => a.status === s).length;
  return {
    total: actions.length,
    complete: count("COMPLETE"),
    inProgress: count("IN_PROGRESS"),
    notStarted: count("NOT_STARTED"),
    // Deferred or cancelled: counted, so the total adds up, and named apart.
    setAside: count("DEFERRED") + count("CANCELLED"),
    /** Not updated within the plan's own cadence: the page says "Not updated since" beside each. */
    notUpdated: actions.filter((a) => a.stale).length,
  };
}

/** The forum's current public views, by what they say. */
export function forumTally(verdicts: ReadonlyArray<{ verdict: VerdictKind }>) {
  const count = (v: VerdictKind) => verdicts.filter((x) => x.verdict === v).length;
  return { views: verdicts.length, agree: count("AGREE"), agreeWithComments: count("AGREE_WITH_COMMENTS"), disagree: count("DISAGREE") };
}

/**
 * Where "you said, we did" entries are shown, each in one place: an entry about the whole area in
 * the summary's own section, an entry about a finding on that finding's page (the summary's
 * section points there, with how many). `none` is true only when nothing at all is published, the
 * one case in which the section says so.
 */
export function youSaidWeDidPlaces<E>(
  areaWide: ReadonlyArray<E>,
  findings: ReadonlyArray<{ ref: string; summary: string; inspectorsWording: string; youSaidWeDid: number }>,
) {
  const onFindings = findings
    .filter((f) => f.youSaidWeDid > 0)
    .map((f) => ({ ref: f.ref, summary: f.summary, inspectorsWording: f.inspectorsWording, entries: f.youSaidWeDid }));
  return { areaWide: [...areaWide], onFindings, none: areaWide.length === 0 && onFindings.length === 0 };
}

/**
 * The council's SEND contact for the area's public pages, or null when the lead has set neither an
 * email nor a web page. Named after the area's council when it has one.
 */
export function areaContact(area: {
  name: string;
  publicContactEmail: string | null;
  publicContactUrl: string | null;
  organisations: ReadonlyArray<{ name: string }>;
}) {
  const email = area.publicContactEmail?.trim() || null;
  // Only a web page leaves the server, as with every link on the public pages.
  const url = area.publicContactUrl && /^https?:\/\//i.test(area.publicContactUrl.trim()) ? area.publicContactUrl.trim() : null;
  if (!email && !url) return null;
  return { name: area.organisations[0]?.name ?? `${area.name} council`, email, url };
}
