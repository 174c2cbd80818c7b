/**
 * What the procedures answer, as components take it: every type here is derived from the router
 * (the API's contract), never from a service module, so a component depends on what a procedure
 * returns and not on how a service builds it. Types only: nothing here reaches the browser.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** Every procedure's output, by router and procedure: `RouterOutputs["action"]["byId"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

// The area home and the finding page ---------------------------------------------------------

type AreaHomeFinding = NonNullable<RouterOutputs["area"]["home"]["plan"]>["findings"][number];

/** What the forum says on one finding, as the readiness grid shows it. */
export type FindingVoices = AreaHomeFinding["voices"];
/** A finding's delivery, impact, measures, actions and updates: the area home's findings and finding.byId both carry it. */
export type Readiness = Pick<AreaHomeFinding, "actions" | "measures" | "delivery" | "impact" | "updates">;

type FindingById = RouterOutputs["finding"]["byId"];
export type FindingAdviserNote = NonNullable<FindingById["adviserNotes"]>[number];
/** Evidence on a finding, its actions and its measures, each with what it is for. */
export type FindingEvidenceItem = FindingById["evidence"]["items"][number];
export type FindingVerdict = FindingById["verdicts"][number];

// The forum ----------------------------------------------------------------------------------

export type ForumDisagreement = RouterOutputs["forum"]["disagreements"][number];
export type VerdictsFor = RouterOutputs["forum"]["verdictsFor"];
export type Verdict = VerdictsFor["verdicts"][number];
export type YouSaidWeDidEntry = RouterOutputs["forum"]["youSaidWeDid"]["published"][number];
export type CoproductionRecord = RouterOutputs["forum"]["coproductionForAction"]["records"][number];

// Advisers, change requests, update requests, comments ---------------------------------------

export type MonitoringNote = RouterOutputs["adviser"]["notes"]["notes"][number];
export type ChangeHistoryRequest = RouterOutputs["changeRequest"]["history"]["requests"][number];
export type UpdateRequestState = RouterOutputs["updateRequest"]["listForAction"][number]["state"];
export type CommentList = RouterOutputs["comment"]["forTarget"];
export type CommentItem = CommentList["items"][number];

// The public pages ---------------------------------------------------------------------------

export type PublicAreaPage = RouterOutputs["publicArea"]["bySlug"];
export type PublicFindingPage = RouterOutputs["publicArea"]["finding"];

// An ended plan's records --------------------------------------------------------------------

/** How a record's plan ended (closed or superseded), as finding.byId, action.byId and measure.byId carry it. */
export type PlanEnding = NonNullable<RouterOutputs["finding"]["byId"]["ended"]>;
