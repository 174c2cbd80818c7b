/**
 * The national data generator: a database the size of England's SEND improvement work, for
 * benchmarks and for seeing the national view full. `npm run seed:national` (scripts/seed-national.ts)
 * resets a local database, seeds the demo and then calls `loadNational`.
 *
 * What it writes, deterministically (a seeded PRNG; the same seed, today and database give the
 * same rows, with ids `gen<table><n>`: alphanumeric, as the app's id schema requires):
 * - `areas` local areas named after real upper-tier councils, spread over the regions, each with
 *   a council, an ICB and a parent carer forum, eight people (lead@<slug>.example, owner@, dco@, ...),
 *   advisers covering several areas, the inspection(s) and one current plan;
 * - per plan 5 to 13 findings, 8 to 15 actions each, monthly check-ins for 24 months (fewer
 *   when an existing plan is younger), 6 to 10 measures with milestones and 36 monthly values,
 *   about three links as evidence per action, and the forum's verdicts, co-production records,
 *   comments, adviser notes and "you said, we did" in proportion;
 * - `enlarge`: existing areas (the demo's Northbridge) whose current plan gets the same volume of
 *   generated findings, so that their pages measure a realistic area;
 * - an AuditEvent for every row created or changed, derived in SQL from the rows themselves with
 *   the verbs the services record.
 *
 * An action's current fields (status, progress, RAG set by hand, completedAt, lastUpdateAt) are
 * those of its latest update, as server/services/actions/check-ins.ts keeps them.
 */
import type { ClientBase } from "pg";
import type {
  ActionStatus,
  AdviserView,
  AreaRole,
  CoproductionLevel,
  FindingKind,
  InspectionOutcome,
  PlanType,
  Rag,
  VerdictKind,
  Visibility,
} from "../server/generated/prisma/enums";
import {
  ACTION_DESCRIPTIONS,
  ADVISER_NOTES,
  AREA_PEOPLE,
  COMMENTS,
  COPRODUCTION_NOTES,
  COUNCILS,
  EVIDENCE_TITLES,
  EXTRA_AREA_SUFFIXES,
  FIRST_NAMES,
  GENERIC_ACTIONS,
  MEASURES,
  NARRATIVE,
  RAG_OVERRIDE_REASONS,
  REJECTED_NOTES,
  SURNAMES,
  THEMES,
  VERDICT_TEXTS,
  YOU_SAID_WE_DID,
  type Council,
  type MeasureTemplate,
  type Theme,
} from "./national-catalogue";
import { DAY_MS, Rows } from "./national-rows";

export type EnlargeArea = {
  slug: string;
  /** Theme keys (national-catalogue.ts) the area's plan already covers, so they are not repeated. */
  avoidThemes?: string[];
};

export type NationalOptions = {
  /** How many areas to generate (besides any that exist). */
  areas: number;
  seed?: number;
  /** The day the data should look live on; default now. */
  today?: Date;
  /** Existing areas whose current plan gets generated findings, actions and measures too. */
  enlarge?: EnlargeArea[];
  /** Existing accounts (by email) made advisers of the first generated areas, ten each. */
  advisers?: string[];
  /** For every generated account (they are marked isDemo); null: they cannot sign in with a password. */
  passwordHash?: string | null;
  log?: (line: string) => void;
};

/** Rows written, by table. */
export type NationalCounts = Record<string, number>;

const HOUR_MS = 3_600_000;
const NATIONAL_BODIES = { dfe: "Department for Education", nhse: "NHS England" } as const;
const AREAS_PER_DFE_ADVISER = 8;
const AREAS_PER_NHSE_ADVISER = 15;
const AREAS_PER_EXISTING_ADVISER = 10;
/** Check-ins per action on a plan old enough. */
const MONTHS_OF_UPDATES = 24;
const MONTHS_OF_VALUES = 36;

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32) and what the generator draws with it
// ---------------------------------------------------------------------------------------------

/** One 32-bit hash of two numbers: independent streams per area from one seed. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x85ebca6b, 0xcc9e2d51) ^ Math.imul(b + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** The first item whose cumulative weight passes a uniform draw. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Councils in region-by-region rotation, so that any number of areas spreads over the regions. */
function councilOrder(): Council[] {
  const byRegion = new Map<string, Council[]>();
  for (const c of COUNCILS) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  const queues = [...byRegion.values()];
  const out: Council[] = [];
  for (let i = 0; out.length < COUNCILS.length; i++) {
    for (const q of queues) {
      const c = q[i];
      if (c) out.push(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The tables written
// ---------------------------------------------------------------------------------------------

function tables() {
  return {
    area: new Rows("LocalArea", {
      id: "text", name: "text", slug: "text", laCode: "text", region: { enum: "Region" }, publicPagePublished: "bool",
      publicPagePublishedAt: "timestamp", createdAt: "timestamp", updatedAt: "timestamp",
    }),
    organisation: new Rows("Organisation", { id: "text", name: "text", kind: { enum: "OrganisationKind" }, localAreaId: "text", createdAt: "timestamp" }),
    user: new Rows("User", {
      id: "text", name: "text", email: "text", emailVerified: "timestamp", passwordHash: "text", isDemo: "bool",
      globalRole: { enum: "GlobalRole" }, jobTitle: "text", organisationId: "text", createdAt: "timestamp", updatedAt: "timestamp",
    }),
    membership: new Rows("Membership", { id: "text", userId: "text", localAreaId: "text", role: { enum: "AreaRole" }, createdAt: "timestamp" }),
    inspection: new Rows("Inspection", {
      id: "text", localAreaId: "text", framework: { enum: "InspectionFramework" }, kind: { enum: "InspectionKind" }, startDate: "date",
      endDate: "date", expectedDate: "date", dateIsEstimate: "bool", publishedDate: "date", outcome: { enum: "InspectionOutcome" },
      reportUrl: "text", createdAt: "timestamp",
    }),
    plan: new Rows("Plan", {
      id: "text", localAreaId: "text", type: { enum: "PlanType" }, title: "text", status: { enum: "PlanStatus" }, sourceInspectionId: "text",
      followUpInspectionId: "text", submittedDate: "date", acceptedDate: "date", updateCadenceDays: "int", createdAt: "timestamp",
      updatedAt: "timestamp",
    }),
    finding: new Rows("Finding", {
      id: "text", localAreaId: "text", planId: "text", ref: "text", kind: { enum: "FindingKind" }, inspectorsWording: "text", summary: "text",
      sortOrder: "int", createdAt: "timestamp", updatedAt: "timestamp",
    }),
    action: new Rows("Action", {
      id: "text", localAreaId: "text", findingId: "text", ref: "text", title: "text", description: "text", ownerId: "text",
      leadOrganisationId: "text", startDate: "date", dueDate: "date", completedAt: "timestamp", status: { enum: "ActionStatus" },
      progress: "int", ragOverride: { enum: "Rag" }, ragOverrideReason: "text", coproductionLevel: { enum: "CoproductionLevel" },
      lastUpdateAt: "timestamp", sortOrder: "int", createdAt: "timestamp", updatedAt: "timestamp",
    }),
    partner: new Rows("_ActionPartnerOrganisations", { A: "text", B: "text" }),
    /** A: the action depended on; B: the action that depends on it (as Prisma lays out the self-relation). */
    dependency: new Rows("_ActionDependencies", { A: "text", B: "text" }),
    update: new Rows("ActionUpdate", {
      id: "text", actionId: "text", authorId: "text", narrative: "text", progress: "int", status: { enum: "ActionStatus" },
      ragOverride: { enum: "Rag" }, ragOverrideReason: "text", createdAt: "timestamp", acknowledgedById: "text", acknowledgedAt: "timestamp",
    }),
    measure: new Rows("Measure", {
      id: "text", localAreaId: "text", planId: "text", ref: "text", name: "text", definition: "text", unit: { enum: "MeasureUnit" },
      direction: { enum: "MeasureDirection" }, source: "text", baselineValue: "float", baselineDate: "date", benchmarkValue: "float",
      benchmarkLabel: "text", benchmarkDate: "date", targetValue: "float", targetDate: "date", ownerId: "text", createdAt: "timestamp",
      updatedAt: "timestamp",
    }),
    measureFinding: new Rows("_MeasureFindings", { A: "text", B: "text" }),
    milestone: new Rows("MeasureMilestone", { id: "text", measureId: "text", date: "date", targetValue: "float" }),
    value: new Rows("MeasureValue", {
      id: "text", measureId: "text", periodEnd: "date", value: "float", status: { enum: "MeasureValueStatus" }, note: "text",
      enteredById: "text", createdAt: "timestamp", updatedAt: "timestamp",
    }),
    evidence: new Rows("Evidence", {
      id: "text", localAreaId: "text", actionId: "text", findingId: "text", measureId: "text", title: "text", description: "text",
      kind: { enum: "EvidenceKind" }, url: "text", visibility: { enum: "Visibility" }, reviewStatus: { enum: "ReviewStatus" },
      reviewedById: "text", reviewedAt: "timestamp", reviewNote: "text", readyForInspectors: "bool", uploadedById: "text",
      createdAt: "timestamp", updatedAt: "timestamp",
    }),
    coproduction: new Rows("CoproductionRecord", {
      id: "text", localAreaId: "text", actionId: "text", stage: { enum: "CoproductionStage" }, involved: { enumArray: "CoproductionParticipant" },
      familiesReached: "int", date: "date", note: "text", recordedById: "text", createdAt: "timestamp",
    }),
    verdict: new Rows("ForumVerdict", {
      id: "text", localAreaId: "text", actionId: "text", findingId: "text", authorId: "text", verdict: { enum: "VerdictKind" },
      levelRecognised: { enum: "CoproductionLevel" }, cornerstonesMet: { enumArray: "Cornerstone" }, text: "text", isPublic: "bool",
      supersedesId: "text", createdAt: "timestamp",
    }),
    comment: new Rows("Comment", {
      id: "text", localAreaId: "text", actionId: "text", findingId: "text", measureId: "text", authorId: "text", body: "text",
      visibility: { enum: "CommentVisibility" }, createdAt: "timestamp",
    }),
    adviserNote: new Rows("AdviserNote", {
      id: "text", localAreaId: "text", findingId: "text", authorId: "text", note: "text", view: { enum: "AdviserView" }, date: "date",
      createdAt: "timestamp",
    }),
    youSaidWeDid: new Rows("YouSaidWeDid", {
      id: "text", localAreaId: "text", findingId: "text", youSaid: "text", weDid: "text", date: "date", published: "bool",
      publishedAt: "timestamp", draftedById: "text", publishedById: "text", createdAt: "timestamp", updatedAt: "timestamp",
    }),
  };
}
type Tables = ReturnType<typeof tables>;

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

type Person = { id: string; orgId: string | null; weight: number };

/** What generating a plan's content needs to know about its area and the plan. */
type PlanContext = {
  areaId: string;
  slug: string;
  planId: string;
  planType: PlanType;
  planCreatedAt: number;
  /** Days before today that the plan's actions started (give or take a fortnight). */
  startDaysAgo: number;
  /** Days before today the plan was accepted (the measures' baseline month is the one before). */
  acceptedDaysAgo: number;
  thresholds: { green: number; amber: number };
  findingRefStart: number;
  findingCount: number;
  measureRefStart: number;
  measureCount: number;
  themes: Theme[];
  lead: string;
  owners: Person[];
  forum: string | null;
  advisers: string[];
  orgs: { council: string | null; icb: string | null; forum: string | null };
};

class Generator {
  readonly t: Tables = tables();
  private readonly counters = new Map<string, number>();
  readonly todayDay: number;
  readonly todayMs: number;

  constructor(
    private readonly seed: number,
    today: Date,
  ) {
    this.todayDay = Math.floor(today.getTime() / DAY_MS);
    this.todayMs = this.todayDay * DAY_MS;
  }

  id(code: string): string {
    const n = (this.counters.get(code) ?? 0) + 1;
    this.counters.set(code, n);
    return `gen${code}${n}`;
  }

  rng(stream: number, index: number): Rng {
    return new Rng(mix(mix(this.seed, stream), index));
  }

  /** A moment on the day `daysAgo` before today: 09:00 UTC plus `minutes`. */
  at(daysAgo: number, minutes = 0): number {
    return this.todayMs - daysAgo * DAY_MS + 9 * HOUR_MS + minutes * 60_000;
  }

  /** The last day of the month `k` months before this month (negative: ahead), as a day number. */
  monthEnd(k: number): number {
    const today = new Date(this.todayMs);
    return Math.floor(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - k + 1, 0) / DAY_MS);
  }

  /** Never later than an hour before today began: generated history is all in the past. */
  past(ms: number): number {
    return Math.min(ms, this.todayMs - HOUR_MS);
  }

  person(rng: Rng, o: { email: string; jobTitle: string; orgId: string | null; createdAt: number; globalRole?: string; passwordHash: string | null }) {
    const id = this.id("user");
    this.t.user.add({
      id, name: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`, email: o.email, emailVerified: o.createdAt, passwordHash: o.passwordHash,
      isDemo: true, globalRole: o.globalRole ?? null, jobTitle: o.jobTitle, organisationId: o.orgId, createdAt: o.createdAt, updatedAt: o.createdAt,
    });
    return id;
  }

  membership(userId: string, localAreaId: string, role: AreaRole, createdAt: number) {
    this.t.membership.add({ id: this.id("mem"), userId, localAreaId, role, createdAt });
  }

  // -------------------------------------------------------------------------------------------
  // One generated area: organisations, people, inspections and its plan
  // -------------------------------------------------------------------------------------------

  area(index: number, council: Council, lap: number, people: { advisers: string[]; passwordHash: string | null }) {
    const rng = this.rng(1, index);
    const name = lap === 0 ? council.name : `${council.name} ${EXTRA_AREA_SUFFIXES[(lap - 1) % EXTRA_AREA_SUFFIXES.length]!}${lap > EXTRA_AREA_SUFFIXES.length ? ` ${Math.ceil(lap / EXTRA_AREA_SUFFIXES.length)}` : ""}`;
    const slug = slugify(name);
    const laCode = lap === 0 ? council.laCode : `${council.laCode}${lap}`;
    const councilName = lap === 0 ? (council.councilName ?? `${council.name} Council`) : `${name} Council`;

    // The plan's timeline, in days before today: long enough for 24 monthly check-ins.
    const acceptedDaysAgo = rng.int(815, 850);
    const submittedDaysAgo = acceptedDaysAgo + rng.int(15, 30);
    const planCreatedDaysAgo = acceptedDaysAgo + rng.int(40, 60);
    const areaCreatedAt = this.at(planCreatedDaysAgo + rng.int(2, 5), rng.int(0, 120));
    const planCreatedAt = this.at(planCreatedDaysAgo, rng.int(0, 300));

    const areaId = this.id("area");
    const published = rng.chance(0.8);
    this.t.area.add({
      id: areaId, name, slug, laCode, region: council.region, publicPagePublished: published,
      publicPagePublishedAt: published ? this.at(planCreatedDaysAgo - rng.int(60, 400), rng.int(0, 400)) : null,
      createdAt: areaCreatedAt, updatedAt: areaCreatedAt,
    });

    const orgs = {
      council: this.id("org"),
      icb: this.id("org"),
      forum: this.id("org"),
    };
    this.t.organisation.add({ id: orgs.council, name: councilName, kind: "COUNCIL", localAreaId: areaId, createdAt: areaCreatedAt });
    this.t.organisation.add({ id: orgs.icb, name: `NHS ${name} Integrated Care Board`, kind: "ICB", localAreaId: areaId, createdAt: areaCreatedAt });
    this.t.organisation.add({ id: orgs.forum, name: `${name} Parent Carer Forum`, kind: "PARENT_CARER_FORUM", localAreaId: areaId, createdAt: areaCreatedAt });

    const joined = areaCreatedAt + HOUR_MS;
    const owners: Person[] = [];
    let lead = "";
    let forum: string | null = null;
    for (const p of AREA_PEOPLE) {
      const orgId = orgs[p.org];
      const userId = this.person(rng, {
        email: `${p.mailbox}@${slug}.example`, jobTitle: p.jobTitle, orgId, createdAt: joined, passwordHash: people.passwordHash,
      });
      this.membership(userId, areaId, p.role, joined);
      if (p.role === "LEAD") lead = userId;
      if (p.role === "FORUM") forum = userId;
      if (p.owns > 0) owners.push({ id: userId, orgId, weight: p.owns });
    }
    for (const adviser of people.advisers) this.membership(adviser, areaId, "ADVISER", joined);

    const planType = rng.weighted<PlanType>([["WSOA", 35], ["APP", 15], ["PRIORITY_ACTION_PLAN", 35], ["IMPROVEMENT_PLAN", 15]]);
    const { source, followUp } = this.inspections(rng, { areaId, laCode, planType, planCreatedDaysAgo, recordedAt: planCreatedAt - HOUR_MS });
    const status = rng.weighted([["ACTIVE", 90], ["ACCEPTED", 7], ["SUBMITTED", 3]] as const);
    const planId = this.id("plan");
    const title = {
      WSOA: `${name} Written Statement of Action`,
      APP: `${name} Accelerated Progress Plan`,
      PRIORITY_ACTION_PLAN: `${name} SEND Priority Action Plan`,
      IMPROVEMENT_PLAN: `${name} SEND Improvement Plan`,
    }[planType];
    this.t.plan.add({
      id: planId, localAreaId: areaId, type: planType, title, status, sourceInspectionId: source, followUpInspectionId: followUp,
      submittedDate: this.todayDay - submittedDaysAgo, acceptedDate: status === "SUBMITTED" ? null : this.todayDay - acceptedDaysAgo,
      updateCadenceDays: rng.chance(0.9) ? 30 : 42, createdAt: planCreatedAt, updatedAt: planCreatedAt,
    });

    const findingCount = rng.int(5, 13);
    this.planContent(this.rng(2, index), {
      areaId, slug, planId, planType, planCreatedAt, startDaysAgo: acceptedDaysAgo, acceptedDaysAgo,
      thresholds: { green: 0.9, amber: 0.7 }, findingRefStart: 1, findingCount, measureRefStart: 1, measureCount: rng.int(6, 10),
      themes: rng.shuffle(THEMES).slice(0, findingCount), lead, owners, forum, advisers: people.advisers, orgs,
    });
  }

  private inspections(
    rng: Rng,
    o: { areaId: string; laCode: string; planType: PlanType; planCreatedDaysAgo: number; recordedAt: number },
  ): { source: string; followUp: string } {
    const letters = `https://reports.ofsted.gov.uk/provider/44/${o.laCode}`;
    const held = (framework: "FRAMEWORK_2016" | "FRAMEWORK_2023", kind: "FULL" | "REVISIT", daysAgo: number, outcome: InspectionOutcome | null) => {
      const id = this.id("insp");
      this.t.inspection.add({
        id, localAreaId: o.areaId, framework, kind, startDate: this.todayDay - daysAgo, endDate: this.todayDay - daysAgo + 4,
        publishedDate: this.todayDay - daysAgo + 30, outcome, dateIsEstimate: false, createdAt: o.recordedAt,
        reportUrl: `${letters}-local-area-send-${kind === "FULL" ? "inspection" : "revisit"}-letter`,
      });
      return id;
    };
    const expected = (framework: "FRAMEWORK_2016" | "FRAMEWORK_2023", kind: "FULL" | "REVISIT" | "MONITORING") => {
      const id = this.id("insp");
      this.t.inspection.add({
        id, localAreaId: o.areaId, framework, kind, expectedDate: this.todayDay + rng.int(20, 330), dateIsEstimate: rng.chance(0.6),
        createdAt: o.recordedAt,
      });
      return id;
    };
    const before = (days: [number, number]) => o.planCreatedDaysAgo + rng.int(...days);
    switch (o.planType) {
      case "WSOA":
        return { source: held("FRAMEWORK_2016", "FULL", before([95, 110]), "WSOA_REQUIRED"), followUp: expected("FRAMEWORK_2016", "REVISIT") };
      case "APP": {
        held("FRAMEWORK_2016", "FULL", before([700, 800]), "WSOA_REQUIRED");
        return { source: held("FRAMEWORK_2016", "REVISIT", before([40, 60]), null), followUp: expected("FRAMEWORK_2016", "REVISIT") };
      }
      case "PRIORITY_ACTION_PLAN":
        return {
          source: held("FRAMEWORK_2023", "FULL", before([60, 80]), "WIDESPREAD_OR_SYSTEMIC_FAILINGS"),
          followUp: expected("FRAMEWORK_2023", "MONITORING"),
        };
      default:
        return { source: held("FRAMEWORK_2023", "FULL", before([60, 80]), "INCONSISTENT"), followUp: expected("FRAMEWORK_2023", "FULL") };
    }
  }

  // -------------------------------------------------------------------------------------------
  // A plan's findings, actions, check-ins, measures and what people said about them
  // -------------------------------------------------------------------------------------------

  planContent(rng: Rng, p: PlanContext) {
    const findings: { id: string; ref: string; theme: Theme }[] = [];
    for (let i = 0; i < p.findingCount; i++) {
      const theme = p.themes[i % p.themes.length]!;
      const ref = String(p.findingRefStart + i);
      const kind: FindingKind =
        p.planType === "WSOA" || p.planType === "APP"
          ? "SIGNIFICANT_WEAKNESS"
          : p.planType === "PRIORITY_ACTION_PLAN" && i < Math.ceil(p.findingCount * 0.6)
            ? "PRIORITY_ACTION"
            : "AREA_FOR_IMPROVEMENT";
      const id = this.id("fnd");
      const inspectorsWording =
        kind === "SIGNIFICANT_WEAKNESS"
          ? theme.weakness
          : `Leaders across education, health and care should ${kind === "PRIORITY_ACTION" ? "urgently " : ""}${theme.should}.`;
      this.t.finding.add({
        id, localAreaId: p.areaId, planId: p.planId, ref, kind, inspectorsWording, summary: theme.summary, sortOrder: p.findingRefStart + i,
        createdAt: p.planCreatedAt + i * 60_000, updatedAt: p.planCreatedAt + i * 60_000,
      });
      findings.push({ id, ref, theme });

      const actionCount = rng.int(8, 15);
      const titles = [...rng.shuffle(theme.actions), ...rng.shuffle(GENERIC_ACTIONS).map((a) => fill(a, { label: theme.label }))];
      const actionIds: string[] = [];
      for (let a = 0; a < actionCount; a++) {
        const actionId = this.action(rng, p, { findingId: id, findingRef: ref, theme, index: a, title: titles[a]! });
        if (a > 0 && rng.chance(0.1)) this.t.dependency.add({ A: rng.pick(actionIds), B: actionId });
        actionIds.push(actionId);
      }
      this.findingVoices(rng, p, { id, theme });
    }
    this.measures(rng, p, findings);
    this.areaVoices(rng, p, findings);
  }

  private action(rng: Rng, p: PlanContext, f: { findingId: string; findingRef: string; theme: Theme; index: number; title: string }): string {
    const id = this.id("act");
    const ref = `${f.findingRef}.${f.index + 1}`;
    const owner = rng.weighted(p.owners.map((o) => [o, o.weight] as const));
    const startDaysAgo = p.startDaysAgo - rng.int(0, 14);
    const startDay = this.todayDay - startDaysAgo;
    const dueDay = Math.max(this.todayDay + rng.int(-365, 365), startDay + 60);
    const expectedNow = clamp(Math.round(((this.todayDay - startDay + 1) * 100) / (dueDay - startDay + 1)), 0, 100);

    // Where the action ends up today; the check-ins lead there.
    type Fate = "COMPLETE" | "LATE" | "ON_TIME" | "DEFERRED" | "CANCELLED";
    const fate: Fate =
      dueDay < this.todayDay
        ? rng.weighted<Fate>([["COMPLETE", 70], ["LATE", 22], ["DEFERRED", 5], ["CANCELLED", 3]])
        : rng.weighted<Fate>([["COMPLETE", 8], ["ON_TIME", 88], ["DEFERRED", 4]]);
    const band = rng.weighted([[[0.92, 1.25], 55], [[0.72, 0.88], 25], [[0.3, 0.66], 20]] as const);
    const finalProgress =
      fate === "COMPLETE" ? 100 : fate === "LATE" ? rng.int(55, 98) : fate === "ON_TIME" ? clamp(Math.round(expectedNow * rng.between(band[0], band[1])), 1, 99) : rng.int(10, 60);

    // Monthly check-ins, oldest first; a few owners have missed the last month or two.
    const missed = fate === "ON_TIME" || fate === "LATE" ? (rng.chance(0.12) ? rng.int(1, 2) : 0) : 0;
    const months = Math.min(MONTHS_OF_UPDATES, Math.floor((startDaysAgo - 10) / 30) - missed);
    const times: number[] = [];
    for (let k = months; k >= 1; k--) times.push(this.at(30 * (k + missed) - 18 + rng.int(-8, 8), rng.int(0, 540)));
    // The check-in that completes, defers or cancels it; later ones (complete only) report impact.
    let end = times.length - 1;
    if (fate === "COMPLETE" || fate === "DEFERRED" || fate === "CANCELLED") {
      const endDay =
        fate === "COMPLETE"
          ? clamp(dueDay + rng.int(-90, 20), startDay + 60, this.todayDay - 10)
          : rng.int(startDay + 90, Math.max(startDay + 90, this.todayDay - 30));
      const found = times.findIndex((t) => t >= endDay * DAY_MS);
      end = found === -1 ? times.length - 1 : found;
    }
    if (fate === "DEFERRED" || fate === "CANCELLED") times.length = end + 1;

    const shape = rng.between(0.8, 1.5);
    const span = Math.max(1, (times[end] ?? this.todayMs) - startDay * DAY_MS);
    const overrideFrom = (fate === "ON_TIME" || fate === "LATE") && rng.chance(0.07) ? times.length - rng.int(1, 3) : Infinity;
    const override = rng.weighted<Rag>([["AMBER", 60], ["RED", 30], ["GREEN", 10]]);
    const overrideReason = rng.pick(RAG_OVERRIDE_REASONS[override]);
    const leadWriting = owner.id === p.lead;

    let progress = 0;
    let completedAt: number | null = null;
    let latest: { status: ActionStatus; progress: number; rag: Rag | null; reason: string | null; at: number } | null = null;
    for (let j = 0; j < times.length; j++) {
      const at = times[j]!;
      let status: ActionStatus;
      let narrative: string;
      if (j < end || (j === end && fate !== "COMPLETE" && fate !== "DEFERRED" && fate !== "CANCELLED")) {
        const x = clamp((at - startDay * DAY_MS) / span, 0, 1);
        const target = fate === "COMPLETE" ? 95 : finalProgress;
        progress = j === end ? finalProgress : Math.max(progress, Math.min(target, Math.round(target * x ** shape)));
        status = progress === 0 ? "NOT_STARTED" : "IN_PROGRESS";
        const dayAt = Math.floor(at / DAY_MS);
        const expected = clamp(Math.round(((dayAt - startDay + 1) * 100) / (dueDay - startDay + 1)), 0, 100);
        narrative =
          progress === 0
            ? rng.pick(NARRATIVE.notStarted)
            : [
                rng.pick(progress >= expected * p.thresholds.green ? NARRATIVE.onTrack : NARRATIVE.behind),
                fill(rng.pick(NARRATIVE.detail), { label: f.theme.label, n: rng.int(3, 60) }),
                ...(rng.chance(0.5) ? [rng.pick(NARRATIVE.next)] : []),
              ].join(" ");
      } else if (fate === "COMPLETE") {
        status = "COMPLETE";
        progress = 100;
        narrative = rng.pick(j === end ? NARRATIVE.complete : NARRATIVE.afterComplete);
        completedAt ??= at;
      } else {
        status = fate === "DEFERRED" ? "DEFERRED" : "CANCELLED";
        narrative = rng.pick(fate === "DEFERRED" ? NARRATIVE.deferred : NARRATIVE.cancelled);
      }
      const rag = j >= overrideFrom ? override : null;
      const authorId = leadWriting || rng.chance(0.1) ? p.lead : owner.id;
      const daysAgo = (this.todayMs - at) / DAY_MS;
      const acknowledged = authorId !== p.lead && daysAgo > 14 && rng.chance(daysAgo > 60 ? 0.8 : 0.5);
      this.t.update.add({
        id: this.id("upd"), actionId: id, authorId, narrative, progress, status, ragOverride: rag, ragOverrideReason: rag ? overrideReason : null,
        createdAt: at, acknowledgedById: acknowledged ? p.lead : null,
        acknowledgedAt: acknowledged ? this.past(at + rng.int(1, 6) * DAY_MS + rng.int(0, 300) * 60_000) : null,
      });
      latest = { status, progress, rag, reason: rag ? overrideReason : null, at };
    }

    const level = rng.chance(0.25) ? rng.weighted<CoproductionLevel>([["INFORMING", 1], ["CONSULTING", 2], ["ENGAGING", 3], ["CO_DESIGNING", 3], ["CO_PRODUCING", 1]]) : null;
    const leadOrg = owner.orgId ?? p.orgs.council;
    const createdAt = p.planCreatedAt + 600_000 + f.index * 60_000;
    this.t.action.add({
      id, localAreaId: p.areaId, findingId: f.findingId, ref, title: f.title,
      description: fill(rng.pick(ACTION_DESCRIPTIONS), { ref: f.findingRef, label: f.theme.label, org: leadOrg === p.orgs.icb ? "the ICB" : "the council" }),
      ownerId: owner.id, leadOrganisationId: leadOrg, startDate: startDay, dueDate: dueDay, completedAt,
      status: latest?.status ?? "NOT_STARTED", progress: latest?.progress ?? 0, ragOverride: latest?.rag ?? null, ragOverrideReason: latest?.reason ?? null,
      coproductionLevel: level, lastUpdateAt: latest?.at ?? null, sortOrder: f.index + 1, createdAt, updatedAt: latest?.at ?? createdAt,
    });
    const other = leadOrg === p.orgs.council ? p.orgs.icb : p.orgs.council;
    if (other && rng.chance(0.45)) this.t.partner.add({ A: id, B: other });
    if (p.orgs.forum && rng.chance(0.15)) this.t.partner.add({ A: id, B: p.orgs.forum });

    this.actionEvidence(rng, p, { id, ref, ownerId: owner.id, startDay });
    this.actionVoices(rng, p, { id, ownerId: owner.id, startDay, level });
    return id;
  }

  private evidence(
    rng: Rng,
    p: PlanContext,
    on: { actionId?: string; findingId?: string; measureId?: string },
    o: { createdDay: number; uploadedById: string; kind: "ACTIVITY" | "IMPACT"; tag: string },
  ) {
    const id = this.id("evd");
    const createdAt = this.past(this.at(this.todayDay - o.createdDay, rng.int(0, 480)));
    const visibility = rng.weighted<Visibility>([["INTERNAL", 40], ["PARTNERS", 35], ["PUBLIC", 25]]);
    // Leads work through the queue: what is still awaiting review is mostly recent.
    const age = (this.todayMs - createdAt) / DAY_MS;
    const review =
      age < 10
        ? rng.weighted([["PENDING", 80], ["ACCEPTED", 20]] as const)
        : age < 60
          ? rng.weighted([["ACCEPTED", 62], ["PENDING", 30], ["REJECTED", 8]] as const)
          : rng.weighted([["ACCEPTED", 90], ["PENDING", 3], ["REJECTED", 7]] as const);
    const reviewedAt = review === "PENDING" ? null : this.past(createdAt + rng.int(1, 10) * DAY_MS);
    const ready = review === "ACCEPTED" && rng.chance(0.35);
    const url =
      visibility === "PUBLIC"
        ? `https://www.${p.slug}.example/local-offer/send/${o.tag}-${id.slice(6)}`
        : `https://intranet.${p.slug}.example/send/evidence/${o.tag}-${id.slice(6)}`;
    this.t.evidence.add({
      id, localAreaId: p.areaId, actionId: on.actionId ?? null, findingId: on.findingId ?? null, measureId: on.measureId ?? null,
      title: rng.pick(EVIDENCE_TITLES[o.kind]), description: rng.chance(0.5) ? `Evidence for ${o.tag.replace("-", ".")}.` : "", kind: o.kind, url,
      visibility, reviewStatus: review, reviewedById: reviewedAt ? p.lead : null, reviewedAt,
      reviewNote: review === "REJECTED" ? rng.pick(REJECTED_NOTES) : null, readyForInspectors: ready, uploadedById: o.uploadedById, createdAt,
      updatedAt: reviewedAt ? this.past(reviewedAt + (ready ? HOUR_MS : 0)) : createdAt,
    });
  }

  private actionEvidence(rng: Rng, p: PlanContext, a: { id: string; ref: string; ownerId: string; startDay: number }) {
    const n = rng.int(2, 4);
    for (let i = 0; i < n; i++) {
      this.evidence(rng, p, { actionId: a.id }, {
        createdDay: rng.int(a.startDay + 14, this.todayDay - 1), uploadedById: rng.chance(0.8) ? a.ownerId : p.lead,
        kind: rng.chance(0.65) ? "ACTIVITY" : "IMPACT", tag: a.ref.replace(".", "-"),
      });
    }
  }

  private verdicts(rng: Rng, p: PlanContext, on: { actionId?: string; findingId?: string }, fromDay: number) {
    if (!p.forum) return;
    let supersedes: string | null = null;
    let day = rng.int(Math.max(fromDay, this.todayDay - 540), this.todayDay - 20);
    const times = rng.chance(0.25) ? 2 : 1;
    for (let i = 0; i < times && day < this.todayDay; i++) {
      const id = this.id("vrd");
      const verdict = rng.weighted<VerdictKind>([["AGREE", 40], ["AGREE_WITH_COMMENTS", 40], ["DISAGREE", 20]]);
      const cornerstones = rng.shuffle(["WELCOME_AND_CARE", "VALUE_AND_INCLUDE", "COMMUNICATE", "WORK_IN_PARTNERSHIP"]).slice(0, rng.int(0, 4));
      this.t.verdict.add({
        id, localAreaId: p.areaId, actionId: on.actionId ?? null, findingId: on.findingId ?? null, authorId: p.forum, verdict,
        levelRecognised: rng.chance(0.8) ? rng.pick<CoproductionLevel>(["INFORMING", "CONSULTING", "ENGAGING", "CO_DESIGNING", "CO_PRODUCING"]) : null,
        cornerstonesMet: `{${cornerstones.join(",")}}`, text: rng.pick(VERDICT_TEXTS[verdict]), isPublic: rng.chance(0.6), supersedesId: supersedes,
        createdAt: this.at(this.todayDay - day, rng.int(0, 480)),
      });
      supersedes = id;
      day += rng.int(14, 120);
    }
  }

  private comments(rng: Rng, p: PlanContext, on: { actionId?: string; findingId?: string; measureId?: string }, authors: string[], fromDay: number) {
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++) {
      const authorId = rng.pick(authors);
      this.t.comment.add({
        id: this.id("cmt"), localAreaId: p.areaId, actionId: on.actionId ?? null, findingId: on.findingId ?? null, measureId: on.measureId ?? null,
        authorId, body: rng.pick(COMMENTS), visibility: authorId === p.forum || rng.chance(0.25) ? "WITH_FORUM" : "INTERNAL",
        createdAt: this.at(rng.int(1, Math.max(1, this.todayDay - Math.max(fromDay, this.todayDay - 400))), rng.int(0, 480)),
      });
    }
  }

  private actionVoices(rng: Rng, p: PlanContext, a: { id: string; ownerId: string; startDay: number; level: CoproductionLevel | null }) {
    if (rng.chance(0.12)) this.verdicts(rng, p, { actionId: a.id }, a.startDay + 30);
    if (a.level) {
      const n = rng.int(1, 3);
      const stages = ["DEFINE", "DESIGN", "DELIVER", "REVIEW"] as const;
      let day = a.startDay + rng.int(5, 60);
      for (let i = 0; i < n && day < this.todayDay; i++) {
        const involved = ["PARENT_CARER_FORUM", ...rng.shuffle(["YOUNG_PEOPLES_GROUP", "SENDIASS", "SCHOOLS", "OTHER"]).slice(0, rng.int(0, 2))];
        this.t.coproduction.add({
          id: this.id("cop"), localAreaId: p.areaId, actionId: a.id, stage: stages[Math.min(i + rng.int(0, 1), 3)]!, involved: `{${involved.join(",")}}`,
          familiesReached: rng.chance(0.8) ? rng.int(5, 120) : null, date: day, note: rng.pick(COPRODUCTION_NOTES), recordedById: a.ownerId,
          createdAt: this.past(this.at(this.todayDay - day - rng.int(0, 3), rng.int(0, 480))),
        });
        day += rng.int(60, 200);
      }
    }
    if (rng.chance(0.15)) {
      const authors = [p.lead, a.ownerId, ...(p.forum ? [p.forum] : []), ...p.advisers.slice(0, 1)];
      this.comments(rng, p, { actionId: a.id }, authors, a.startDay);
    }
  }

  private findingVoices(rng: Rng, p: PlanContext, f: { id: string; theme: Theme }) {
    const fromDay = this.todayDay - p.startDaysAgo;
    if (rng.chance(0.3)) this.verdicts(rng, p, { findingId: f.id }, fromDay + 60);
    if (rng.chance(0.2)) this.comments(rng, p, { findingId: f.id }, [p.lead, ...p.advisers], fromDay);
    if (rng.chance(0.3)) {
      this.evidence(rng, p, { findingId: f.id }, {
        createdDay: rng.int(fromDay + 30, this.todayDay - 1), uploadedById: p.lead, kind: rng.chance(0.5) ? "ACTIVITY" : "IMPACT", tag: "finding",
      });
    }
    const adviser = p.advisers[0];
    if (adviser && rng.chance(0.4)) {
      const n = rng.int(1, 2);
      for (let i = 0; i < n; i++) this.adviserNote(rng, p, adviser, f.id, f.theme.label, rng.int(5, Math.min(600, p.startDaysAgo)));
    }
  }

  private adviserNote(rng: Rng, p: PlanContext, authorId: string, findingId: string | null, label: string, daysAgo: number) {
    const view = rng.weighted<AdviserView>([["LIKELY_SUFFICIENT", 35], ["AT_RISK", 45], ["UNLIKELY", 20]]);
    this.t.adviserNote.add({
      id: this.id("note"), localAreaId: p.areaId, findingId, authorId, note: fill(rng.pick(ADVISER_NOTES[view]), { label }), view: rng.chance(0.9) ? view : null,
      date: this.todayDay - daysAgo, createdAt: this.at(daysAgo, rng.int(0, 480)),
    });
  }

  private areaVoices(rng: Rng, p: PlanContext, findings: { id: string; theme: Theme }[]) {
    // Quarterly monitoring notes from the area's advisers, for the plan's life so far.
    for (let q = 0; q < 8 && (q + 1) * 90 < p.startDaysAgo; q++) {
      const adviser = p.advisers[q % Math.max(1, p.advisers.length)];
      if (adviser) this.adviserNote(rng, p, adviser, null, "the plan as a whole", q * 90 + rng.int(5, 40));
    }
    const entries = rng.int(2, 4);
    for (let i = 0; i < entries; i++) {
      const finding = rng.chance(0.8) ? rng.pick(findings) : null;
      const [youSaid, weDid] = rng.pick(YOU_SAID_WE_DID);
      const label = finding?.theme.label ?? "SEND services";
      const daysAgo = rng.int(10, Math.min(500, p.startDaysAgo - 30));
      const published = rng.chance(0.75);
      const createdAt = this.at(daysAgo, rng.int(0, 480));
      const publishedAt = published ? this.past(createdAt + rng.int(1, 9) * DAY_MS) : null;
      this.t.youSaidWeDid.add({
        id: this.id("yswd"), localAreaId: p.areaId, findingId: finding?.id ?? null, youSaid: fill(youSaid, { label }), weDid: fill(weDid, { label }),
        date: this.todayDay - daysAgo, published, publishedAt, draftedById: p.forum && rng.chance(0.5) ? p.forum : p.lead,
        publishedById: published ? p.lead : null, createdAt, updatedAt: publishedAt ?? createdAt,
      });
    }
  }

  private measures(rng: Rng, p: PlanContext, findings: { id: string; theme: Theme }[]) {
    const themeKeys = new Set(findings.map((f) => f.theme.key));
    // Measures that evidence the plan's findings first, then any.
    const ranked = [
      ...rng.shuffle(MEASURES.filter((m) => m.themes.some((t) => themeKeys.has(t)))),
      ...rng.shuffle(MEASURES.filter((m) => !m.themes.some((t) => themeKeys.has(t)))),
    ];
    const baselineK = Math.round(p.acceptedDaysAgo / 30.44) + 1;
    for (let i = 0; i < p.measureCount; i++) {
      const template = ranked[i % ranked.length]!;
      const id = this.id("msr");
      const owner = rng.weighted(p.owners.map((o) => [o, o.weight] as const));
      this.measure(rng, p, { id, template, ref: `M${p.measureRefStart + i}`, ownerId: owner.id, baselineK });
      const linked = findings.filter((f) => template.themes.includes(f.theme.key));
      for (const f of (linked.length > 0 ? linked : [rng.pick(findings)]).slice(0, 2)) this.t.measureFinding.add({ A: f.id, B: id });
      if (rng.chance(0.5)) {
        this.evidence(rng, p, { measureId: id }, { createdDay: rng.int(this.todayDay - 300, this.todayDay - 1), uploadedById: owner.id, kind: "IMPACT", tag: `m${i + 1}` });
      }
      if (rng.chance(0.1)) this.comments(rng, p, { measureId: id }, [p.lead, ...p.advisers.slice(0, 1)], this.todayDay - 300);
    }
  }

  private measure(rng: Rng, p: PlanContext, m: { id: string; template: MeasureTemplate; ref: string; ownerId: string; baselineK: number }) {
    const t = m.template;
    const round = (v: number) => {
      const bounded = t.unit === "PERCENT" ? clamp(v, 0, 100) : Math.max(0, v);
      const places = t.unit === "COUNT" || t.unit === "DAYS" ? 0 : t.unit === "RATE" ? 2 : 1;
      return Math.round(bounded * 10 ** places) / 10 ** places;
    };
    const baseline = round(rng.between(...t.baseline));
    const target = round(baseline + (t.goal - baseline) * rng.between(0.6, 1));
    const kb = m.baselineK;
    const kt = -rng.int(4, 14);
    const planned = (k: number) => baseline + ((target - baseline) * (kb - k)) / (kb - kt);
    this.t.measure.add({
      id: m.id, localAreaId: p.areaId, planId: p.planId, ref: m.ref, name: t.name, definition: t.definition, unit: t.unit, direction: t.direction,
      source: t.source, baselineValue: baseline, baselineDate: this.monthEnd(kb), benchmarkValue: t.benchmark, benchmarkLabel: "England average",
      benchmarkDate: this.monthEnd(12), targetValue: target, targetDate: this.monthEnd(kt), ownerId: m.ownerId, createdAt: p.planCreatedAt,
      updatedAt: p.planCreatedAt,
    });
    for (let k = kb - 4; k > kt; k -= 4) this.t.milestone.add({ id: this.id("mst"), measureId: m.id, date: this.monthEnd(k), targetValue: round(planned(k)) });

    // How far along its trajectory the measure really moves: on track, a little short, or well short.
    const pace = rng.weighted([[[0.95, 1.2], 40], [[0.75, 0.95], 30], [[0.1, 0.65], 30]] as const);
    const factor = rng.between(pace[0], pace[1]);
    const wobble = Math.max(Math.abs(t.goal - baseline) * 0.04, baseline * 0.02);
    for (let k = MONTHS_OF_VALUES; k >= 1; k--) {
      const periodEnd = this.monthEnd(k);
      const value =
        k === kb ? baseline : k > kb ? baseline * (1 + (k - kb) * 0.003) + rng.between(-1, 1) * wobble : baseline + (planned(k) - baseline) * factor + rng.between(-1, 1) * wobble;
      const provisional = k <= 2;
      const createdAt = Math.max(periodEnd * DAY_MS + 9 * HOUR_MS, this.past(periodEnd * DAY_MS + rng.int(8, 20) * DAY_MS + 10 * HOUR_MS + rng.int(0, 300) * 60_000));
      this.t.value.add({
        id: this.id("mval"), measureId: m.id, periodEnd, value: round(value), status: provisional ? "PROVISIONAL" : "VALIDATED",
        note: provisional ? "Provisional: awaiting validation." : null, enteredById: m.ownerId, createdAt, updatedAt: createdAt,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Existing areas to enlarge (the demo's Northbridge)
// ---------------------------------------------------------------------------------------------

async function enlargeContext(client: ClientBase, g: Generator, rng: Rng, e: EnlargeArea): Promise<PlanContext> {
  const area = await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "LocalArea" WHERE slug = $1`, [e.slug]);
  const areaRow = area.rows[0];
  if (!areaRow) throw new Error(`There is no local area "${e.slug}" to enlarge.`);
  const plan = await client.query<{
    id: string; type: PlanType; createdAt: Date; acceptedDate: Date | null; ragGreenThreshold: number; ragAmberThreshold: number;
    findings: number; nextFinding: number; measures: number; nextMeasure: number;
  }>(
    `SELECT p.id, p.type, p."createdAt", p."acceptedDate", p."ragGreenThreshold", p."ragAmberThreshold",
       (SELECT count(*)::int FROM "Finding" f WHERE f."planId" = p.id) AS findings,
       (SELECT coalesce(max(greatest(f."sortOrder", substring(f.ref FROM '^[0-9]+$')::int)), 0) + 1 FROM "Finding" f WHERE f."planId" = p.id) AS "nextFinding",
       (SELECT count(*)::int FROM "Measure" m WHERE m."planId" = p.id) AS measures,
       (SELECT coalesce(max(substring(m.ref FROM '^M([0-9]+)$')::int), 0) + 1 FROM "Measure" m WHERE m."planId" = p.id) AS "nextMeasure"
     FROM "Plan" p WHERE p."localAreaId" = $1 AND p.status <> 'CLOSED' ORDER BY p."createdAt" DESC LIMIT 1`,
    [areaRow.id],
  );
  const planRow = plan.rows[0];
  if (!planRow) throw new Error(`The local area "${e.slug}" has no current plan to enlarge.`);
  const members = await client.query<{ userId: string; role: AreaRole; organisationId: string | null }>(
    `SELECT m."userId", m.role, u."organisationId" FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."localAreaId" = $1 ORDER BY m."createdAt", m.id`,
    [areaRow.id],
  );
  const orgs = await client.query<{ id: string; kind: string }>(
    `SELECT id, kind FROM "Organisation" WHERE "localAreaId" = $1 ORDER BY "createdAt", id`,
    [areaRow.id],
  );
  const lead = members.rows.find((m) => m.role === "LEAD")?.userId;
  if (!lead) throw new Error(`The local area "${e.slug}" has no lead to own its generated actions.`);
  const owners = members.rows.filter((m) => m.role === "LEAD" || m.role === "CONTRIBUTOR").map((m) => ({ id: m.userId, orgId: m.organisationId, weight: m.role === "LEAD" ? 1 : 2 }));
  const orgOf = (kind: string) => orgs.rows.find((o) => o.kind === kind)?.id ?? null;

  const acceptedDaysAgo = g.todayDay - Math.floor((planRow.acceptedDate ?? planRow.createdAt).getTime() / DAY_MS);
  const findingCount = Math.max(3, rng.int(9, 13) - planRow.findings);
  const themes = rng.shuffle(THEMES.filter((t) => !(e.avoidThemes ?? []).includes(t.key))).slice(0, findingCount);
  return {
    areaId: areaRow.id, slug: areaRow.slug, planId: planRow.id, planType: planRow.type, planCreatedAt: planRow.createdAt.getTime(),
    startDaysAgo: acceptedDaysAgo, acceptedDaysAgo, thresholds: { green: planRow.ragGreenThreshold, amber: planRow.ragAmberThreshold },
    findingRefStart: planRow.nextFinding, findingCount, measureRefStart: planRow.nextMeasure, measureCount: Math.max(2, rng.int(8, 10) - planRow.measures),
    themes, lead, owners, forum: members.rows.find((m) => m.role === "FORUM")?.userId ?? null,
    advisers: members.rows.filter((m) => m.role === "ADVISER").map((m) => m.userId),
    orgs: { council: orgOf("COUNCIL"), icb: orgOf("ICB"), forum: orgOf("PARENT_CARER_FORUM") },
  };
}

// ---------------------------------------------------------------------------------------------
// Audit events, derived from the rows written
// ---------------------------------------------------------------------------------------------

/** [verb, SELECT of (id, at, actorId, entityType, entityId, localAreaId, before, after)]. Every row is a generated one (id 'gen...'). */
const AUDIT: [string, string][] = [
  ["area.create", `SELECT 'genaudac' || a.id, a."createdAt", NULL, 'LocalArea', a.id, a.id, NULL::jsonb,
     jsonb_build_object('name', a.name, 'slug', a.slug, 'laCode', a."laCode", 'region', a.region) FROM "LocalArea" a WHERE a.id LIKE 'gen%'`],
  ["area.publishPublicPage", `SELECT 'genaudap' || a.id, a."publicPagePublishedAt", l."userId", 'LocalArea', a.id, a.id,
     jsonb_build_object('publicPagePublished', false, 'publicPagePublishedAt', NULL),
     jsonb_build_object('publicPagePublished', true, 'publicPagePublishedAt', a."publicPagePublishedAt")
     FROM "LocalArea" a LEFT JOIN gen_lead l ON l."localAreaId" = a.id WHERE a.id LIKE 'gen%' AND a."publicPagePublished"`],
  ["organisation.create", `SELECT 'genaudoc' || o.id, o."createdAt", NULL, 'Organisation', o.id, o."localAreaId", NULL,
     jsonb_build_object('name', o.name, 'kind', o.kind) FROM "Organisation" o WHERE o.id LIKE 'gen%'`],
  ["user.create", `SELECT 'genaudus' || u.id, u."createdAt", NULL, 'User', u.id, NULL, NULL,
     jsonb_build_object('email', u.email, 'name', u.name, 'globalRole', u."globalRole") FROM "User" u WHERE u.id LIKE 'gen%'`],
  ["membership.grant", `SELECT 'genaudmg' || m.id, m."createdAt", NULL, 'Membership', m.id, m."localAreaId", NULL,
     jsonb_build_object('userId', m."userId", 'role', m.role) FROM "Membership" m WHERE m.id LIKE 'gen%'`],
  ["inspection.create", `SELECT 'genaudic' || i.id, i."createdAt", l."userId", 'Inspection', i.id, i."localAreaId", NULL,
     jsonb_build_object('framework', i.framework, 'kind', i.kind, 'outcome', i.outcome, 'expectedDate', i."expectedDate")
     FROM "Inspection" i LEFT JOIN gen_lead l ON l."localAreaId" = i."localAreaId" WHERE i.id LIKE 'gen%'`],
  ["plan.create", `SELECT 'genaudpc' || p.id, p."createdAt", l."userId", 'Plan', p.id, p."localAreaId", NULL,
     jsonb_build_object('type', p.type, 'title', p.title, 'status', p.status)
     FROM "Plan" p LEFT JOIN gen_lead l ON l."localAreaId" = p."localAreaId" WHERE p.id LIKE 'gen%'`],
  ["finding.create", `SELECT 'genaudfc' || f.id, f."createdAt", l."userId", 'Finding', f.id, f."localAreaId", NULL,
     jsonb_build_object('ref', f.ref, 'kind', f.kind, 'summary', f.summary)
     FROM "Finding" f LEFT JOIN gen_lead l ON l."localAreaId" = f."localAreaId" WHERE f.id LIKE 'gen%'`],
  ["action.create", `SELECT 'genaudxc' || a.id, a."createdAt", l."userId", 'Action', a.id, a."localAreaId", NULL,
     jsonb_build_object('ref', a.ref, 'title', a.title, 'ownerId', a."ownerId", 'startDate', a."startDate", 'dueDate', a."dueDate",
       'coproductionLevel', a."coproductionLevel")
     FROM "Action" a LEFT JOIN gen_lead l ON l."localAreaId" = a."localAreaId" WHERE a.id LIKE 'gen%'`],
  ["action.postUpdate", `SELECT 'genaudxu' || u.id, u."createdAt", u."authorId", 'Action', u."actionId", a."localAreaId", NULL,
     jsonb_build_object('status', u.status, 'progress', u.progress, 'ragOverride', u."ragOverride", 'ragOverrideReason', u."ragOverrideReason",
       'updateId', u.id, 'narrative', u.narrative)
     FROM "ActionUpdate" u JOIN "Action" a ON a.id = u."actionId" WHERE u.id LIKE 'gen%'`],
  ["action.acknowledgeUpdate", `SELECT 'genaudxa' || u.id, u."acknowledgedAt", u."acknowledgedById", 'ActionUpdate', u.id, a."localAreaId", NULL,
     jsonb_build_object('acknowledgedById', u."acknowledgedById")
     FROM "ActionUpdate" u JOIN "Action" a ON a.id = u."actionId" WHERE u.id LIKE 'gen%' AND u."acknowledgedAt" IS NOT NULL`],
  ["measure.create", `SELECT 'genaudmc' || m.id, m."createdAt", l."userId", 'Measure', m.id, m."localAreaId", NULL,
     jsonb_build_object('ref', m.ref, 'name', m.name, 'unit', m.unit, 'direction', m.direction, 'baselineValue', m."baselineValue",
       'targetValue', m."targetValue")
     FROM "Measure" m LEFT JOIN gen_lead l ON l."localAreaId" = m."localAreaId" WHERE m.id LIKE 'gen%'`],
  ["measure.recordValue", `SELECT 'genaudmv' || v.id, v."createdAt", v."enteredById", 'MeasureValue', v.id, m."localAreaId", NULL,
     jsonb_build_object('id', v.id, 'periodEnd', v."periodEnd", 'value', v.value, 'status', v.status, 'note', v.note)
     FROM "MeasureValue" v JOIN "Measure" m ON m.id = v."measureId" WHERE v.id LIKE 'gen%'`],
  ["evidence.addLink", `SELECT 'genaudea' || e.id, e."createdAt", e."uploadedById", 'Evidence', e.id, e."localAreaId", NULL,
     jsonb_build_object('title', e.title, 'kind', e.kind, 'visibility', e.visibility, 'url', e.url) FROM "Evidence" e WHERE e.id LIKE 'gen%'`],
  ["evidence.review", `SELECT 'genauder' || e.id, e."reviewedAt", e."reviewedById", 'Evidence', e.id, e."localAreaId",
     jsonb_build_object('reviewStatus', 'PENDING'), jsonb_build_object('reviewStatus', e."reviewStatus", 'reviewNote', e."reviewNote")
     FROM "Evidence" e WHERE e.id LIKE 'gen%' AND e."reviewStatus" <> 'PENDING'`],
  ["evidence.setReady", `SELECT 'genaudes' || e.id, e."updatedAt", e."reviewedById", 'Evidence', e.id, e."localAreaId",
     jsonb_build_object('readyForInspectors', false), jsonb_build_object('readyForInspectors', true)
     FROM "Evidence" e WHERE e.id LIKE 'gen%' AND e."readyForInspectors"`],
  ["forum.recordVerdict", `SELECT 'genaudfv' || v.id, v."createdAt", v."authorId", 'ForumVerdict', v.id, v."localAreaId", NULL,
     jsonb_build_object('verdict', v.verdict, 'levelRecognised', v."levelRecognised", 'isPublic', v."isPublic", 'text', v.text, 'supersedes', v."supersedesId")
     FROM "ForumVerdict" v WHERE v.id LIKE 'gen%'`],
  ["coproduction.record", `SELECT 'genaudcr' || c.id, c."createdAt", c."recordedById", 'CoproductionRecord', c.id, c."localAreaId", NULL,
     jsonb_build_object('stage', c.stage, 'involved', c.involved, 'familiesReached', c."familiesReached", 'date', c.date, 'note', c.note)
     FROM "CoproductionRecord" c WHERE c.id LIKE 'gen%'`],
  ["comment.add", `SELECT 'genaudca' || c.id, c."createdAt", c."authorId", 'Comment', c.id, c."localAreaId", NULL,
     jsonb_build_object('body', c.body, 'visibility', c.visibility) FROM "Comment" c WHERE c.id LIKE 'gen%'`],
  ["adviserNote.create", `SELECT 'genaudan' || n.id, n."createdAt", n."authorId", 'AdviserNote', n.id, n."localAreaId", NULL,
     jsonb_build_object('note', n.note, 'view', n.view, 'date', n.date, 'findingId', n."findingId") FROM "AdviserNote" n WHERE n.id LIKE 'gen%'`],
  // The forum proposes an entry, the council drafts one (server/services/forum/you-said-we-did.ts).
  ["youSaidWeDid.draft", `SELECT 'genaudyd' || y.id, y."createdAt", y."draftedById", 'YouSaidWeDid', y.id, y."localAreaId", NULL,
     jsonb_build_object('findingId', y."findingId", 'youSaid', y."youSaid", 'weDid', y."weDid", 'date', y.date)
     FROM "YouSaidWeDid" y WHERE y.id LIKE 'gen%'`],
  ["youSaidWeDid.publish", `SELECT 'genaudyp' || y.id, y."publishedAt", y."publishedById", 'YouSaidWeDid', y.id, y."localAreaId",
     jsonb_build_object('published', false), jsonb_build_object('published', true) FROM "YouSaidWeDid" y WHERE y.id LIKE 'gen%' AND y.published`],
];

async function writeAudit(client: ClientBase): Promise<number> {
  await client.query(`CREATE TEMP TABLE gen_lead ON COMMIT DROP AS
    SELECT DISTINCT ON ("localAreaId") "localAreaId", "userId" FROM "Membership" WHERE role = 'LEAD' ORDER BY "localAreaId", "createdAt", id`);
  let total = 0;
  for (const [verb, select] of AUDIT) {
    const sql =
      verb === "youSaidWeDid.draft"
        ? // The verb depends on who drafted it: the area's forum member proposes.
          `INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "localAreaId", before, after)
           SELECT s.id, s.at, s.actor, CASE WHEN EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = s.actor AND m."localAreaId" = s.area AND m.role = 'FORUM')
             THEN 'youSaidWeDid.propose' ELSE 'youSaidWeDid.draft' END, s.type, s.entity, s.area, s.before::jsonb, s.after
           FROM (${select}) AS s(id, at, actor, type, entity, area, before, after)`
        : `INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "localAreaId", before, after)
           SELECT s.id, s.at, s.actor, '${verb}', s.type, s.entity, s.area, s.before::jsonb, s.after FROM (${select}) AS s(id, at, actor, type, entity, area, before, after)`;
    total += (await client.query(sql)).rowCount ?? 0;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The load
// ---------------------------------------------------------------------------------------------

/**
 * Generates and writes the national data in one transaction on `client`, and returns the rows
 * written by table. Refuses a database that already holds generated rows: reset it first
 * (scripts/seed-national.ts does).
 */
export async function loadNational(client: ClientBase, options: NationalOptions): Promise<NationalCounts> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const g = new Generator(seed, options.today ?? new Date());
  let step = Date.now();
  const lap = (what: string) => {
    log(`${what} (${((Date.now() - step) / 1000).toFixed(1)} s)`);
    step = Date.now();
  };

  await client.query("BEGIN");
  try {
    const existing = await client.query(`SELECT 1 FROM "LocalArea" WHERE id LIKE 'gen%' LIMIT 1`);
    if (existing.rowCount) throw new Error("This database already holds generated areas: reset it before generating again.");

    // National bodies and people who work across areas.
    const bodies = await client.query<{ id: string; name: string }>(
      `SELECT id, name FROM "Organisation" WHERE "localAreaId" IS NULL AND name = ANY($1::text[]) ORDER BY "createdAt", id`,
      [Object.values(NATIONAL_BODIES)],
    );
    const since = g.at(900);
    const body = (name: string) => {
      const found = bodies.rows.find((b) => b.name === name)?.id;
      if (found) return found;
      const id = g.id("org");
      g.t.organisation.add({ id, name, kind: name === NATIONAL_BODIES.dfe ? "DFE" : "NHSE", localAreaId: null, createdAt: since });
      bodies.rows.push({ id, name });
      return id;
    };
    const dfe = body(NATIONAL_BODIES.dfe);
    const nhse = body(NATIONAL_BODIES.nhse);
    const peopleRng = g.rng(0, 0);
    const hash = options.passwordHash ?? null;
    g.person(peopleRng, { email: "national.analyst@headway.example", jobTitle: "National SEND team, Department for Education", orgId: dfe, createdAt: since, globalRole: "NATIONAL", passwordHash: hash });
    const adviser = (org: "dfe" | "nhse", n: number) =>
      g.person(peopleRng, {
        email: `${org}.adviser${n}@headway.example`, jobTitle: org === "dfe" ? "SEND Adviser, Department for Education" : "SEND Adviser, NHS England",
        orgId: org === "dfe" ? dfe : nhse, createdAt: since, passwordHash: hash,
      });
    const dfeAdvisers = Array.from({ length: Math.ceil(options.areas / AREAS_PER_DFE_ADVISER) }, (_, i) => adviser("dfe", i + 1));
    const nhseAdvisers = Array.from({ length: Math.ceil(options.areas / AREAS_PER_NHSE_ADVISER) }, (_, i) => adviser("nhse", i + 1));
    const existingAdvisers = options.advisers?.length
      ? (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1::text[])`, [options.advisers])).rows
      : [];
    const byEmail = (options.advisers ?? []).map((email) => existingAdvisers.find((u) => u.email === email)?.id ?? null);

    // Generated areas first, then the existing ones enlarged: each from its own random stream.
    const order = councilOrder();
    for (let i = 0; i < options.areas; i++) {
      const advisers = [
        dfeAdvisers[Math.floor(i / AREAS_PER_DFE_ADVISER)]!,
        nhseAdvisers[Math.floor(i / AREAS_PER_NHSE_ADVISER)]!,
        ...[byEmail[Math.floor(i / AREAS_PER_EXISTING_ADVISER)]].filter((id): id is string => typeof id === "string"),
      ];
      g.area(i, order[i % order.length]!, Math.floor(i / order.length), { advisers, passwordHash: hash });
    }
    for (const [i, e] of (options.enlarge ?? []).entries()) {
      const rng = g.rng(3, i);
      g.planContent(rng, await enlargeContext(client, g, rng, e));
    }
    lap(`Generated ${options.areas} areas${options.enlarge?.length ? ` and enlarged ${options.enlarge.map((e) => e.slug).join(", ")}` : ""}`);

    const counts: NationalCounts = {};
    // Parents before children; a verdict before the one that supersedes it (ids rise with time).
    for (const rows of Object.values(g.t)) {
      await rows.insert(client);
      counts[rows.table] = rows.length;
      lap(`${rows.table}: ${rows.length} rows`);
    }
    counts.AuditEvent = await writeAudit(client);
    lap(`AuditEvent: ${counts.AuditEvent} rows`);
    await client.query("COMMIT");
    lap("Committed");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
