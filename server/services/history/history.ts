/**
 * History, read from the audit trail (server/services/core/audit.ts): who changed what and when,
 * each field before and after in the editors' words (lib/change-words.ts).
 *
 * - A record's history (an action, finding, measure or plan): its own events and those of what
 *   hangs on it (evidence, comments, updates, change requests, verdicts...), for anyone who may
 *   read the record.
 * - An area's activity: every event of the area, filtered by person, kind of record and dates,
 *   for those who hold activity.read (its LEAD and ADVISER); also as CSV (./http.ts).
 *
 * Both leave out what the reader may not read, by the rules the pages of those records follow:
 * INTERNAL evidence and comments, the people asked for updates and their addresses (internal.read),
 * adviser notes (adviserNote.read), unpublished "you said, we did" drafts (those who draft) and
 * changes to people's roles (area.manageMembers, as the area's page of people).
 * The rule is one function (`hiddenFrom`), put into the query, so paging counts only what is shown.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can, type Viewer } from "@/server/auth/permissions";
import type { Prisma } from "@/server/generated/prisma/client";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import { addDays, toDay } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { INSPECTION_KIND } from "@/lib/labels";
import { describeAction, describeRecordedChanges, recordKindWords, type RecordedChange } from "@/lib/change-words";
import { routes } from "@/lib/routes";
import { areaBySlug } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";
import { ACTIVITY_CSV_MAX, HISTORY_STEP, type ActivityFilters, type ActivityInput, type HistoryInput, type HistoryKind } from "@/server/schemas/history";
import { findingTitle } from "@/lib/format/finding-title";

// What the reader may see ---------------------------------------------------------------------

/** What of the area's record the viewer may read, by the permission table. */
function readerOf(viewer: Viewer, localAreaId: string) {
  const area = { localAreaId };
  return {
    internal: can(viewer, "internal.read", area),
    adviserNotes: can(viewer, "adviserNote.read", area),
    // Drafts are for those who write them: the forum proposes, the lead drafts and publishes.
    drafts: can(viewer, "forum.write", area) || can(viewer, "area.publish", area),
    // Who holds which role, and changes to roles: the people page's readers, the area's leads.
    roles: can(viewer, "area.manageMembers", area),
  };
}
type Reader = ReturnType<typeof readerOf>;

/** The events of the area the reader may not see, as conditions to leave out of the query. */
async function hiddenFrom(db: Db, localAreaId: string, reader: Reader): Promise<Prisma.AuditEventWhereInput[]> {
  const hidden: Prisma.AuditEventWhereInput[] = [];
  if (!reader.internal) {
    const [evidence, comments] = await Promise.all([
      db.evidence.findMany({ where: { localAreaId, visibility: "INTERNAL" }, select: { id: true } }),
      db.comment.findMany({ where: { localAreaId, visibility: "INTERNAL" }, select: { id: true } }),
    ]);
    hidden.push(
      { entityType: "Evidence", entityId: { in: evidence.map((e) => e.id) } },
      { entityType: "Comment", entityId: { in: comments.map((c) => c.id) } },
      // Who was asked for an update, and at which address: the update requests list's own rule.
      { entityType: "UpdateRequest" },
    );
  }
  if (!reader.roles) hidden.push({ entityType: "Membership" });
  if (!reader.adviserNotes) hidden.push({ entityType: "AdviserNote" });
  if (!reader.drafts) {
    const drafts = await db.youSaidWeDid.findMany({ where: { localAreaId, published: false }, select: { id: true } });
    hidden.push({ entityType: "YouSaidWeDid", entityId: { in: drafts.map((d) => d.id) } });
  }
  return hidden;
}

// Reading events ------------------------------------------------------------------------------

const EVENT_SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actorId: true,
  actor: { select: { name: true } },
  apiToken: { select: { name: true } },
} as const satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof EVENT_SELECT }>;

/** The record an event is about, as a history names it, and the page it is on. */
export type HistoryRecord = { kind: string; label: string | null; href: string | null };

export type HistoryEvent = {
  id: string;
  at: Date;
  /** Who: a person's name, or how a change came without one. */
  who: string;
  actorId: string | null;
  /** What was done, in words: "Changed the action". */
  what: string;
  record: HistoryRecord;
  changes: RecordedChange[];
};

type Parent = { kind: HistoryKind; id: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every id an event's before or after names (owners, organisations, findings...), for their names. */
function idsNamed(rows: EventRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const side of [row.before, row.after]) {
      if (!isObject(side)) continue;
      for (const [key, value] of Object.entries(side)) {
        if (!/Ids?$/.test(key)) continue;
        for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string" && v) ids.add(v);
      }
    }
  }
  return [...ids];
}

/**
 * What the events need besides themselves, read in a few queries whatever their number: the
 * names of the ids they hold, the record each hangs on (evidence on an action...), and the unit
 * of each measure value.
 */
async function surroundings(db: Db, localAreaId: string, rows: EventRow[]) {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const [evidence, comments, changeRequests, values, updates, updateRequests, verdicts, coproduction, adviserNotes, snapshots, entries] = await Promise.all([
    db.evidence.findMany({ where: { id: { in: idsOf("Evidence") }, localAreaId }, select: { id: true, actionId: true, findingId: true, measureId: true } }),
    db.comment.findMany({ where: { id: { in: idsOf("Comment") }, localAreaId }, select: { id: true, actionId: true, findingId: true, measureId: true } }),
    db.changeRequest.findMany({ where: { id: { in: idsOf("ChangeRequest") }, localAreaId }, select: { id: true, entityType: true, entityId: true } }),
    db.measureValue.findMany({ where: { id: { in: idsOf("MeasureValue") }, measure: { localAreaId } }, select: { id: true, measureId: true } }),
    db.actionUpdate.findMany({ where: { id: { in: idsOf("ActionUpdate") }, action: { localAreaId } }, select: { id: true, actionId: true } }),
    db.updateRequest.findMany({ where: { id: { in: idsOf("UpdateRequest") }, localAreaId }, select: { id: true, actionId: true } }),
    db.forumVerdict.findMany({ where: { id: { in: idsOf("ForumVerdict") }, localAreaId }, select: { id: true, actionId: true, findingId: true } }),
    db.coproductionRecord.findMany({ where: { id: { in: idsOf("CoproductionRecord") }, localAreaId }, select: { id: true, actionId: true } }),
    db.adviserNote.findMany({ where: { id: { in: idsOf("AdviserNote") }, localAreaId }, select: { id: true, findingId: true } }),
    db.snapshot.findMany({ where: { id: { in: idsOf("Snapshot") }, localAreaId }, select: { id: true, planId: true } }),
    db.youSaidWeDid.findMany({ where: { id: { in: idsOf("YouSaidWeDid") }, localAreaId }, select: { id: true, findingId: true } }),
  ]);

  const parents = new Map<string, Parent>();
  const hang = (id: string, p: { actionId?: string | null; findingId?: string | null; measureId?: string | null; planId?: string | null }) => {
    const parent: Parent | null = p.actionId
      ? { kind: "Action", id: p.actionId }
      : p.findingId
        ? { kind: "Finding", id: p.findingId }
        : p.measureId
          ? { kind: "Measure", id: p.measureId }
          : p.planId
            ? { kind: "Plan", id: p.planId }
            : null;
    if (parent) parents.set(id, parent);
  };
  for (const r of [...evidence, ...comments, ...verdicts]) hang(r.id, r);
  for (const r of [...updates, ...updateRequests, ...coproduction]) hang(r.id, { actionId: r.actionId });
  for (const r of [...adviserNotes, ...entries]) hang(r.id, { findingId: r.findingId });
  for (const r of snapshots) hang(r.id, { planId: r.planId });
  for (const r of values) hang(r.id, { measureId: r.measureId });
  for (const r of changeRequests) hang(r.id, r.entityType === "Action" ? { actionId: r.entityId } : { measureId: r.entityId });
  for (const r of rows) if (["Action", "Finding", "Measure", "Plan"].includes(r.entityType)) parents.set(r.entityId, { kind: r.entityType as HistoryKind, id: r.entityId });

  const named = idsNamed(rows);
  const parentIds = (kind: HistoryKind) => [...new Set([...parents.values()].filter((p) => p.kind === kind).map((p) => p.id))];
  const wanted = (kind: HistoryKind) => [...new Set([...parentIds(kind), ...named])];
  const [actions, findings, measures, plans, users, organisations, inspections, published] = await Promise.all([
    db.action.findMany({ where: { id: { in: wanted("Action") }, localAreaId }, select: { id: true, ref: true, title: true } }),
    db.finding.findMany({ where: { id: { in: wanted("Finding") }, localAreaId }, select: { id: true, ref: true, summary: true, inspectorsWording: true } }),
    db.measure.findMany({ where: { id: { in: wanted("Measure") }, localAreaId }, select: { id: true, ref: true, name: true, unit: true } }),
    db.plan.findMany({ where: { id: { in: wanted("Plan") }, localAreaId }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: named } }, select: { id: true, name: true } }),
    db.organisation.findMany({ where: { id: { in: named }, localAreaId }, select: { id: true, name: true } }),
    db.inspection.findMany({ where: { id: { in: named }, localAreaId }, select: { id: true, kind: true, startDate: true, expectedDate: true } }),
    // A measure's link to a published measure (the catalogue, shared by every area).
    db.catalogueMeasure.findMany({ where: { id: { in: named } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([
    ...actions.map((a) => [a.id, `${a.ref} ${a.title}`] as const),
    ...findings.map((f) => [f.id, `${f.ref} ${findingTitle(f)}`] as const),
    ...measures.map((m) => [m.id, `${m.ref} ${m.name}`] as const),
    ...plans.map((p) => [p.id, p.title] as const),
    ...users.map((u) => [u.id, u.name ?? "A person without a name"] as const),
    ...organisations.map((o) => [o.id, o.name] as const),
    ...inspections.map((i) => [i.id, `${INSPECTION_KIND[i.kind]} of ${formatDate(i.startDate ?? i.expectedDate) || "a date not known"}`] as const),
    ...published.map((c) => [c.id, c.name] as const),
  ]);
  const unitOf = new Map<string, MeasureUnit>(measures.map((m) => [m.id, m.unit]));
  return { parents, names, unitOf };
}

/** The page each kind of record is on. */
function hrefOf(slug: string, parent: Parent): string {
  switch (parent.kind) {
    case "Action":
      return routes.action(slug, parent.id);
    case "Finding":
      return routes.finding(slug, parent.id);
    case "Measure":
      return routes.measure(slug, parent.id);
    case "Plan":
      return routes.planHistory(slug, parent.id);
  }
}

/** Events as a history shows them, in the order given. */
async function describe(db: Db, area: { id: string; slug: string }, rows: EventRow[], reader: Reader): Promise<HistoryEvent[]> {
  const { parents, names, unitOf } = await surroundings(db, area.id, rows);
  return rows.map((row) => {
    const parent = parents.get(row.entityId) ?? null;
    const after = isObject(row.after) ? { ...row.after } : row.after;
    // An update sent through a link is posted by whoever the link went to: their address is shown
    // only to those who may see the people asked for updates; the history keeps it out of the fields.
    const throughLink = row.action === "action.postUpdate" && isObject(after) && after.via === "updateRequest";
    const address = throughLink && isObject(after) && typeof after.email === "string" ? after.email : null;
    if (throughLink && isObject(after)) delete after.email;
    const person = row.actor?.name ?? "A person without a name";
    const who = row.actorId
      ? row.apiToken
        ? `${person}, through the API token “${row.apiToken.name}”`
        : person
      : throughLink
        ? reader.internal && address
          ? `${address}, by update link`
          : "A partner, by update link"
        : "Headway (a change made by the system)";
    const unit = parent?.kind === "Measure" ? (unitOf.get(parent.id) ?? null) : null;
    return {
      id: row.id,
      at: row.at,
      who,
      actorId: row.actorId,
      what: describeAction(row.action, row.after),
      record: {
        kind: recordKindWords(row.entityType),
        label: parent ? `${parent.kind} ${names.get(parent.id) ?? ""}`.trim() : null,
        href: parent ? hrefOf(area.slug, parent) : null,
      },
      changes: describeRecordedChanges(row.entityType, row.before, after, { names, unit }),
    };
  });
}

const NEWEST_FIRST = [{ at: "desc" }, { id: "desc" }] as const satisfies Prisma.AuditEventOrderByWithRelationInput[];

async function readEvents(db: Db, where: Prisma.AuditEventWhereInput, hidden: Prisma.AuditEventWhereInput[], take: number) {
  return db.auditEvent.findMany({
    where: hidden.length ? { AND: [where, { NOT: { OR: hidden } }] } : where,
    orderBy: NEWEST_FIRST,
    take,
    select: EVENT_SELECT,
  });
}

// A record's history --------------------------------------------------------------------------

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * The record, if the viewer may read its area (else NOT_FOUND), with the events that belong to
 * its history: its own, and those of every record that hangs on it.
 */
async function subjectOf(ctx: ServiceContext, input: HistoryInput) {
  const where = { id: input.id };
  const area = { select: { id: true, slug: true, name: true } } as const;
  switch (input.kind) {
    case "Action": {
      const a = await findInArea(ctx, "action", {
        where,
        select: {
          id: true,
          ref: true,
          title: true,
          localArea: area,
          evidence: { select: { id: true } },
          comments: { select: { id: true } },
          updates: { select: { id: true } },
          updateRequests: { select: { id: true } },
          forumVerdicts: { select: { id: true } },
          coproduction: { select: { id: true } },
        },
      });
      const requests = await ctx.db.changeRequest.findMany({ where: { localAreaId: a.localArea.id, entityType: "Action", entityId: a.id }, select: { id: true } });
      return {
        area: a.localArea,
        name: `${a.ref} ${a.title}`,
        href: routes.action(a.localArea.slug, a.id),
        events: [
          { entityType: "Action", entityId: a.id },
          { entityType: "Evidence", entityId: { in: ids(a.evidence) } },
          { entityType: "Comment", entityId: { in: ids(a.comments) } },
          { entityType: "ActionUpdate", entityId: { in: ids(a.updates) } },
          { entityType: "UpdateRequest", entityId: { in: ids(a.updateRequests) } },
          { entityType: "ForumVerdict", entityId: { in: ids(a.forumVerdicts) } },
          { entityType: "CoproductionRecord", entityId: { in: ids(a.coproduction) } },
          { entityType: "ChangeRequest", entityId: { in: ids(requests) } },
        ] satisfies Prisma.AuditEventWhereInput[],
      };
    }
    case "Finding": {
      const f = await findInArea(ctx, "finding", {
        where,
        select: {
          id: true,
          ref: true,
          summary: true, inspectorsWording: true,
          localArea: area,
          evidence: { select: { id: true } },
          comments: { select: { id: true } },
          forumVerdicts: { select: { id: true } },
          adviserNotes: { select: { id: true } },
          youSaidWeDid: { select: { id: true } },
        },
      });
      return {
        area: f.localArea,
        name: `${f.ref} ${findingTitle(f)}`,
        href: routes.finding(f.localArea.slug, f.id),
        events: [
          { entityType: "Finding", entityId: f.id },
          { entityType: "Evidence", entityId: { in: ids(f.evidence) } },
          { entityType: "Comment", entityId: { in: ids(f.comments) } },
          { entityType: "ForumVerdict", entityId: { in: ids(f.forumVerdicts) } },
          { entityType: "AdviserNote", entityId: { in: ids(f.adviserNotes) } },
          { entityType: "YouSaidWeDid", entityId: { in: ids(f.youSaidWeDid) } },
        ] satisfies Prisma.AuditEventWhereInput[],
      };
    }
    case "Measure": {
      const m = await findInArea(ctx, "measure", {
        where,
        select: {
          id: true,
          ref: true,
          name: true,
          localArea: area,
          values: { select: { id: true } },
          evidence: { select: { id: true } },
          comments: { select: { id: true } },
        },
      });
      const requests = await ctx.db.changeRequest.findMany({ where: { localAreaId: m.localArea.id, entityType: "Measure", entityId: m.id }, select: { id: true } });
      return {
        area: m.localArea,
        name: `${m.ref} ${m.name}`,
        href: routes.measure(m.localArea.slug, m.id),
        events: [
          { entityType: "Measure", entityId: m.id },
          { entityType: "MeasureValue", entityId: { in: ids(m.values) } },
          { entityType: "Evidence", entityId: { in: ids(m.evidence) } },
          { entityType: "Comment", entityId: { in: ids(m.comments) } },
          { entityType: "ChangeRequest", entityId: { in: ids(requests) } },
        ] satisfies Prisma.AuditEventWhereInput[],
      };
    }
    case "Plan": {
      const p = await findInArea(ctx, "plan", {
        where,
        select: { id: true, title: true, localArea: area, snapshots: { select: { id: true } } },
      });
      return {
        area: p.localArea,
        name: p.title,
        href: routes.area(p.localArea.slug),
        events: [
          { entityType: "Plan", entityId: p.id },
          { entityType: "Snapshot", entityId: { in: ids(p.snapshots) } },
        ] satisfies Prisma.AuditEventWhereInput[],
      };
    }
  }
}

/**
 * One record's history, newest first: the first `limit` events (HISTORY_STEP by default) and
 * whether there are more. NOT_FOUND outside the viewer's areas.
 */
export async function recordHistory(ctx: ServiceContext, input: HistoryInput) {
  const subject = await subjectOf(ctx, input);
  const reader = readerOf(ctx.viewer, subject.area.id);
  const limit = input.limit ?? HISTORY_STEP;
  const hidden = await hiddenFrom(ctx.db, subject.area.id, reader);
  // The area's own id on every condition: an event of another area is never part of this history.
  const rows = await readEvents(ctx.db, { localAreaId: subject.area.id, OR: subject.events }, hidden, limit + 1);
  return {
    area: { name: subject.area.name, slug: subject.area.slug },
    record: { kind: input.kind, id: input.id, name: subject.name, href: subject.href },
    events: await describe(ctx.db, subject.area, rows.slice(0, limit), reader),
    hasMore: rows.length > limit,
    limit,
  };
}

// The area's activity -------------------------------------------------------------------------

const londonOffset = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" });

/**
 * The moment a day begins in the UK, where the pages show each change's time: UTC midnight less
 * the UK's offset from UTC then (the clocks change at 01:00 UTC, so the offset at UTC midnight is
 * the offset at UK midnight too).
 */
export function ukMidnight(day: Date): Date {
  const offset = londonOffset.formatToParts(day).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const hours = Number(/GMT([+-]\d+)/.exec(offset)?.[1] ?? 0);
  return new Date(day.getTime() - hours * 3_600_000);
}

/** The query for the filters: the days as the UK has them, the end day included. */
function activityWhere(localAreaId: string, filters: ActivityFilters): Prisma.AuditEventWhereInput {
  const from = filters.from ? ukMidnight(toDay(filters.from)) : null;
  // The day after the last: none after the calendar's last day (a year 10000 PostgreSQL would not read).
  const to = filters.to && filters.to < "9999-12-31" ? ukMidnight(addDays(toDay(filters.to), 1)) : null;
  return {
    localAreaId,
    ...(filters.person ? { actorId: filters.person } : {}),
    ...(filters.kind ? { entityType: filters.kind } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

/** The area (if the viewer holds activity.read there) and what they may see of its events. */
async function activityScope(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "activity.read");
  const reader = readerOf(ctx.viewer, area.id);
  return { area, reader, hidden: await hiddenFrom(ctx.db, area.id, reader) };
}

/**
 * The area's activity, newest first, filtered: the first `limit` events, whether there are more,
 * and the choices the filters offer (the people who have changed something here, and the kinds
 * of record changed), drawn from what the viewer may see.
 */
export async function areaActivity(ctx: ServiceContext, input: ActivityInput) {
  const { area, reader, hidden } = await activityScope(ctx, input.slug);
  const limit = input.limit ?? HISTORY_STEP * 2;
  const visible = (where: Prisma.AuditEventWhereInput) => (hidden.length ? { AND: [where, { NOT: { OR: hidden } }] } : where);
  const [rows, actors, kinds] = await Promise.all([
    readEvents(ctx.db, activityWhere(area.id, input), hidden, limit + 1),
    ctx.db.auditEvent.groupBy({ by: ["actorId"], where: visible({ localAreaId: area.id, actorId: { not: null } }) }),
    ctx.db.auditEvent.groupBy({ by: ["entityType"], where: visible({ localAreaId: area.id }) }),
  ]);
  const people = await ctx.db.user.findMany({
    where: { id: { in: actors.map((a) => a.actorId!).filter(Boolean) } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return {
    area: { name: area.name, slug: area.slug },
    filters: { person: input.person, kind: input.kind, from: input.from, to: input.to },
    events: await describe(ctx.db, area, rows.slice(0, limit), reader),
    hasMore: rows.length > limit,
    limit,
    choices: {
      people: people.map((p) => ({ id: p.id, name: p.name ?? "A person without a name" })),
      kinds: kinds
        .map((k) => ({ value: k.entityType, label: recordKindWords(k.entityType) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    },
  };
}

/** The CSV's columns, one row for each field changed (or one for an event that changed none). */
export const ACTIVITY_CSV_COLUMNS = ["When (UTC)", "Who", "What", "Kind of record", "Record", "Field", "Before", "After"] as const;

/** The area's activity with the same filters as the page, as the download's rows (newest first). */
export async function activityRows(ctx: ServiceContext, slug: string, filters: ActivityFilters) {
  const { area, reader, hidden } = await activityScope(ctx, slug);
  const rows = await readEvents(ctx.db, activityWhere(area.id, filters), hidden, ACTIVITY_CSV_MAX);
  const events = await describe(ctx.db, area, rows, reader);
  const lines = events.flatMap((e) => {
    const head = [e.at.toISOString(), e.who, e.what, e.record.kind, e.record.label ?? ""];
    return e.changes.length === 0 ? [[...head, "", "", ""]] : e.changes.map((c) => [...head, c.field, c.before ?? "", c.after ?? ""]);
  });
  return { area, lines };
}
