/** Measures through the routers on a real database: trajectory, no lost edits, values, who may do what. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createFinding, createMeasure, createMeasureValue, day } from "@/prisma/factories";
import { createCaller } from "@/server/api/root";
import { formatDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { CreateMeasureInput } from "@/server/schemas/measure";
import { callerFor, contextFor, createMember, details, fieldErrors, refusal, serviceRefusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let other: Awaited<ReturnType<typeof createAreaWithPlan>>;
let secondFindingId: string;
let leadId: string;
let contributorId: string;
let viewerId: string;
let strangerId: string;
/** A contributor of the area whose account has been disabled. */
let disabledId: string;

const iso = (d: Date) => d.toISOString().slice(0, 10);

function fields(over: Partial<CreateMeasureInput> = {}): CreateMeasureInput {
  return {
    planId: area.planId,
    ref: "M1",
    name: "EHC plans issued within 20 weeks",
    definition: "New EHC plans issued within 20 weeks, excluding exceptions.",
    unit: "PERCENT",
    direction: "HIGHER_IS_BETTER",
    source: "SEN2 return",
    baselineValue: 10,
    baselineDate: iso(day(-90)),
    benchmarkValue: 50,
    benchmarkLabel: "England average",
    benchmarkDate: "2024-12-31",
    targetValue: 50,
    targetDate: iso(day(90)),
    plausibleMin: null,
    plausibleMax: null,
    findingIds: [area.findingId],
    ownerId: "",
    milestones: [],
    ...over,
  };
}

beforeAll(async () => {
  db = testDb();
  // A draft plan: once accepted, targets and milestones change only through change requests (change-requests.test.ts).
  area = await createAreaWithPlan(db, { plan: { status: "DRAFT", submittedDate: null, acceptedDate: null } });
  other = await createAreaWithPlan(db);
  secondFindingId = (await createFinding(db, { planId: area.planId, ref: "2" })).id;
  leadId = await createMember(db, area.localAreaId, "LEAD", "Lena Lead");
  contributorId = await createMember(db, area.localAreaId, "CONTRIBUTOR", "Cal Contributor");
  viewerId = await createMember(db, area.localAreaId, "VIEWER", "Vi Viewer");
  strangerId = await createMember(db, other.localAreaId, "LEAD", "Sam Stranger");
  disabledId = await createMember(db, area.localAreaId, "CONTRIBUTOR", "Dee Disabled");
  await db.user.update({ where: { id: disabledId }, data: { disabledAt: new Date() } });
});
afterAll(() => db.$disconnect());

describe("measure.create and measure.byId", () => {
  it("creates a measure with its milestones in date order, audited, and reads it back in the form's shape", async () => {
    const ctx = await contextFor(db, leadId);
    const lead = createCaller(ctx);
    const input = fields({
      ref: "C1",
      findingIds: [area.findingId, secondFindingId],
      ownerId: contributorId,
      milestones: [
        { date: iso(day(30)), targetValue: 35 },
        { date: iso(day(-30)), targetValue: 20 },
      ],
    });
    const { id } = await lead.measure.create(input);

    const measure = await lead.measure.byId({ id });
    expect(measure.milestones.map((m) => [iso(m.date), m.targetValue])).toEqual([
      [iso(day(-30)), 20],
      [iso(day(30)), 35],
    ]);
    expect(measure.findings.map((f) => f.id).sort()).toEqual([area.findingId, secondFindingId].sort());
    expect(measure.owner?.name).toBe("Cal Contributor");
    expect(measure.status.trajectory.map((p) => p.kind)).toEqual(["BASELINE", "MILESTONE", "MILESTONE", "TARGET"]);
    expect(measure.viewerCan).toEqual({ edit: true, enterValues: true, reviewEvidence: true });
    // toEqual treats the undefined planId as absent: the form holds the measure, not its plan; and
    // "" for the published measure it is not linked to.
    expect(measure.form).toEqual({ ...input, planId: undefined, catalogueMeasureId: "", id, version: 1, milestones: [...input.milestones].reverse() });

    const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "measure.create", entityType: "Measure", entityId: id, actorId: leadId, localAreaId: area.localAreaId });
    expect(events[0]!.after).toMatchObject({ ref: "C1", milestones: [{ date: iso(day(-30)) }, { date: iso(day(30)) }] });
  });

  it("refuses a milestone outside the baseline and target dates, with the field to correct", async () => {
    const lead = await callerFor(db, leadId);
    await expect(lead.measure.create(fields({ ref: "C2", milestones: [{ date: iso(day(120)), targetValue: 55 }] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Milestone 1 must be before the target date"),
    });
    expect(await db.measure.count({ where: { planId: area.planId, ref: "C2" } })).toBe(0);
  });

  it("refuses a finding of another plan, an owner from outside the area and a reference already used", async () => {
    const lead = await callerFor(db, leadId);
    await lead.measure.create(fields({ ref: "C3" }));
    expect(await refusal(lead.measure.create(fields({ ref: "C4", findingIds: [other.findingId] })))).toMatchObject({
      code: "BAD_REQUEST",
      cause: { message: "Choose findings from this plan only." },
    });
    expect(serviceRefusal(await refusal(lead.measure.create(fields({ ref: "C4", ownerId: strangerId })))).code).toBe("INVALID");
    expect(serviceRefusal(await refusal(lead.measure.create(fields({ ref: "c3" })))).message).toMatch(/already has a measure C3/);
    expect(await db.measure.count({ where: { planId: area.planId, ref: { in: ["C4", "c3"] } } })).toBe(0);
  });

  it("names the field each refusal is about, and refuses an owner whose account is disabled", async () => {
    const lead = await callerFor(db, leadId);
    await lead.measure.create(fields({ ref: "C6" }));
    expect(fieldErrors(await refusal(lead.measure.create(fields({ ref: "C7", findingIds: [other.findingId] }))))).toEqual({
      findingIds: "Choose findings from this plan only.",
    });
    expect(fieldErrors(await refusal(lead.measure.create(fields({ ref: "C7", ownerId: disabledId }))))).toEqual({
      ownerId: "Choose an owner who is a plan lead or action owner in this local area.",
    });
    expect(fieldErrors(await refusal(lead.measure.create(fields({ ref: "C6" }))))).toEqual({
      ref: "This plan already has a measure C6. Choose another reference.",
    });
    expect(await db.measure.count({ where: { planId: area.planId, ref: "C7" } })).toBe(0);
  });

  it("is for the plan lead only", async () => {
    await expect((await callerFor(db, contributorId)).measure.create(fields({ ref: "C5" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(db, viewerId)).measure.create(fields({ ref: "C5" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("measure.formChoices", () => {
  it("offers the plan's findings and the leads and contributors whose accounts are in use", async () => {
    const choices = await (await callerFor(db, leadId)).measure.formChoices({ slug: area.slug });
    expect(choices.area).toMatchObject({ id: area.localAreaId, slug: area.slug });
    expect(choices.planId).toBe(area.planId);
    expect(choices.findings.map((f) => f.id).sort()).toEqual([area.findingId, secondFindingId].sort());
    expect(choices.owners).toEqual([
      { id: contributorId, name: "Cal Contributor" },
      { id: leadId, name: "Lena Lead" },
    ]);
  });

  it("is for the plan lead only, and another area's lead finds nothing", async () => {
    await expect((await callerFor(db, contributorId)).measure.formChoices({ slug: area.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(db, viewerId)).measure.formChoices({ slug: area.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(db, strangerId)).measure.formChoices({ slug: area.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a measure's current owner among the edit form's choices once their account is disabled, once", async () => {
    const measure = await createMeasure(db, { planId: area.planId, ownerId: disabledId });
    const read = await (await callerFor(db, leadId)).measure.byId({ id: measure.id });
    expect(read.owners.filter((o) => o.id === disabledId)).toEqual([{ id: disabledId, name: "Dee Disabled" }]);
    expect(read.owners.map((o) => o.id)).toEqual(expect.arrayContaining([leadId, contributorId]));
  });
});

describe("a measure's plausible range", () => {
  it("is saved by the editor, read back in the form's shape and audited; left out, it stays as it was", async () => {
    const ctx = await contextFor(db, leadId);
    const lead = createCaller(ctx);
    const { id } = await lead.measure.create(fields({ ref: "P1", plausibleMin: 20, plausibleMax: 80 }));
    let measure = await lead.measure.byId({ id });
    expect(measure.form).toMatchObject({ plausibleMin: 20, plausibleMax: 80 });
    const [created] = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(created!.after).toMatchObject({ plausibleMin: 20, plausibleMax: 80 });

    // One end open.
    await lead.measure.update({ ...fields({ ref: "P1", plausibleMin: null, plausibleMax: 90 }), id, version: 1 });
    expect((await lead.measure.byId({ id })).form).toMatchObject({ plausibleMin: null, plausibleMax: 90 });
    // A caller that does not know the range leaves it alone.
    const { plausibleMin: _min, plausibleMax: _max, ...withoutRange } = fields({ ref: "P1", name: "Renamed" });
    await lead.measure.update({ ...withoutRange, id, version: 2 });
    measure = await lead.measure.byId({ id });
    expect(measure.form).toMatchObject({ name: "Renamed", plausibleMin: null, plausibleMax: 90 });
  });

  it("refuses a minimum above the maximum, or an end the unit rules out, beside the field, and saves nothing", async () => {
    const ctx = await contextFor(db, leadId);
    const lead = createCaller(ctx);
    const above = await refusal(lead.measure.create(fields({ ref: "P2", plausibleMin: 80, plausibleMax: 20 })));
    expect(fieldErrors(above)).toEqual({ plausibleMax: "The plausible maximum must be the same as the minimum or more" });
    const beyond = await refusal(lead.measure.create(fields({ ref: "P2", plausibleMin: null, plausibleMax: 150 })));
    expect(fieldErrors(beyond)).toEqual({ plausibleMax: "The plausible maximum is outside what the unit allows. A percentage is between 0 and 100" });
    expect(await db.measure.count({ where: { planId: area.planId, ref: "P2" } })).toBe(0);

    const { id } = await lead.measure.create(fields({ ref: "P3", plausibleMin: 20, plausibleMax: 80 }));
    const update = await refusal(lead.measure.update({ ...fields({ ref: "P3", plausibleMin: 60, plausibleMax: 40 }), id, version: 1 }));
    expect(fieldErrors(update)).toEqual({ plausibleMax: "The plausible maximum must be the same as the minimum or more" });
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, plausibleMin: 20, plausibleMax: 80 });
  });

  it("is kept in order by the database itself", async () => {
    const measure = await createMeasure(db, { planId: area.planId });
    await expect(db.measure.update({ where: { id: measure.id }, data: { plausibleMin: 9, plausibleMax: 1 } })).rejects.toThrow(/plausible minimum/);
  });
});

describe("measure.update", () => {
  it("saves against the version loaded, replacing milestones and findings", async () => {
    const lead = await callerFor(db, leadId);
    const { id } = await lead.measure.create(fields({ ref: "U1", milestones: [{ date: iso(day(-10)), targetValue: 25 }] }));
    const saved = await lead.measure.update({
      ...fields({ ref: "U1", findingIds: [secondFindingId], milestones: [{ date: iso(day(45)), targetValue: 40 }] }),
      id,
      version: 1,
    });
    expect(saved.version).toBe(2);
    const measure = await lead.measure.byId({ id });
    expect(measure.milestones.map((m) => iso(m.date))).toEqual([iso(day(45))]);
    expect(measure.findings.map((f) => f.id)).toEqual([secondFindingId]);
  });

  it("refuses a stale save with the measure as it is now and who changed it, and changes nothing", async () => {
    const lead = await callerFor(db, leadId);
    const { id } = await lead.measure.create(fields({ ref: "U2" }));
    // Someone else saves first...
    await lead.measure.update({ ...fields({ ref: "U2", name: "Their name", milestones: [{ date: iso(day(10)), targetValue: 30 }] }), id, version: 1 });
    const before = await db.measure.findUniqueOrThrow({ where: { id }, include: { milestones: true, findings: true } });

    // ...then an editor who loaded version 1 saves.
    const ctx = await contextFor(db, leadId);
    const refused = await refusal(
      createCaller(ctx).measure.update({ ...fields({ ref: "U2", name: "My name", findingIds: [secondFindingId] }), id, version: 1 }),
    );
    const cause = serviceRefusal(refused);
    expect(refused.code).toBe("CONFLICT");
    expect(cause.message).toMatch(/Someone else saved this measure while you were editing it \(Lena Lead\)/);
    expect(cause.details).toMatchObject({
      changedBy: "Lena Lead",
      changedAt: expect.any(String),
      current: {
        id,
        version: 2,
        name: "Their name",
        baselineDate: iso(day(-90)),
        findingIds: [area.findingId],
        ownerId: "",
        milestones: [{ date: iso(day(10)), targetValue: 30 }],
      },
    });

    const after = await db.measure.findUniqueOrThrow({ where: { id }, include: { milestones: true, findings: true } });
    expect(after).toEqual(before);
    expect(await db.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });
});

describe("values", () => {
  it("records a value, and a value entered over it, confirmed with a reason, keeps before, after and the reason in the audit", async () => {
    const measure = await createMeasure(db, { planId: area.planId, ownerId: contributorId });
    const owner = await callerFor(db, contributorId);
    const first = await owner.measure.recordValue({ measureId: measure.id, periodEnd: iso(day(-5)), value: 20, status: "PROVISIONAL" });
    expect(first.replaced).toBe(false);

    const ctx = await contextFor(db, leadId);
    const second = await createCaller(ctx).measure.recordValue({
      measureId: measure.id,
      periodEnd: iso(day(-5)),
      value: 22.5,
      status: "VALIDATED",
      note: "Corrected after validation",
      confirmReplace: true,
      replaceReason: "The SEN2 return was validated",
    });
    expect(second).toEqual({ id: first.id, replaced: true });
    const stored = await db.measureValue.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ value: 22.5, status: "VALIDATED", note: "Corrected after validation", enteredById: leadId });
    const [event] = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(event).toMatchObject({ action: "measure.recordValue", entityType: "MeasureValue", entityId: first.id, localAreaId: area.localAreaId });
    expect(event!.before).toMatchObject({ value: 20, status: "PROVISIONAL", enteredById: contributorId });
    expect(event!.after).toMatchObject({ value: 22.5, status: "VALIDATED", reason: "The SEN2 return was validated" });
  });

  it("refuses a period that has not ended", async () => {
    const measure = await createMeasure(db, { planId: area.planId });
    await expect(
      (await callerFor(db, leadId)).measure.recordValue({ measureId: measure.id, periodEnd: iso(day(1)), value: 1, status: "PROVISIONAL" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.measureValue.count({ where: { measureId: measure.id } })).toBe(0);
  });

  it("says which field a period that has not ended is about", async () => {
    const measure = await createMeasure(db, { planId: area.planId });
    const refused = await refusal(
      (await callerFor(db, leadId)).measure.recordValue({ measureId: measure.id, periodEnd: iso(day(1)), value: 1, status: "PROVISIONAL" }),
    );
    expect(fieldErrors(refused)).toEqual({ periodEnd: "The period end must be today or earlier: the period must have ended." });
  });

  it("writes nothing from a paste with one bad line, and names the line", async () => {
    const measure = await createMeasure(db, { planId: area.planId, baselineDate: day(-400) });
    await createMeasureValue(db, { measureId: measure.id, periodEnd: new Date("2025-01-31T00:00:00Z"), value: 5 });
    const ctx = await contextFor(db, leadId);
    const refused = await refusal(
      createCaller(ctx).measure.pasteValues({ measureId: measure.id, status: "PROVISIONAL", text: "2025-01-31\t40\n2025-02-28\t41\n2025-03-31\t41,5x" }),
    );
    const cause = serviceRefusal(refused);
    expect(refused.code).toBe("BAD_REQUEST");
    expect(cause.message).toBe("Nothing was saved: 1 line needs correcting.");
    expect(cause.details).toEqual({ lineErrors: ["Line 3: '41,5x' is not a number"] });
    const values = await db.measureValue.findMany({ where: { measureId: measure.id } });
    expect(values.map((v) => v.value)).toEqual([5]);
    expect(await db.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });

  it("pastes new periods and replaces entered ones, in one go, audited per value", async () => {
    const measure = await createMeasure(db, { planId: area.planId, baselineDate: day(-400) });
    const jan = await createMeasureValue(db, { measureId: measure.id, periodEnd: new Date("2025-01-31T00:00:00Z"), value: 5, status: "VALIDATED" });
    const ctx = await contextFor(db, leadId);
    const result = await createCaller(ctx).measure.pasteValues({
      measureId: measure.id,
      status: "PROVISIONAL",
      text: "Month, % on time\n31/01/2025, 40\nFeb 2025, 41.5\n2025-03-31, 43",
      confirmReplace: true,
      replaceReason: "January's figure was keyed wrongly",
    });
    expect(result).toEqual({ created: 2, updated: 1 });
    const values = await db.measureValue.findMany({ where: { measureId: measure.id }, orderBy: { periodEnd: "asc" } });
    expect(values.map((v) => [iso(v.periodEnd), v.value, v.status])).toEqual([
      ["2025-01-31", 40, "PROVISIONAL"],
      ["2025-02-28", 41.5, "PROVISIONAL"],
      ["2025-03-31", 43, "PROVISIONAL"],
    ]);
    const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(3);
    const janEvent = events.find((e) => e.entityId === jan.id)!;
    expect(janEvent.before).toMatchObject({ value: 5, status: "VALIDATED" });
    expect(janEvent.after).toMatchObject({ value: 40, status: "PROVISIONAL", reason: "January's figure was keyed wrongly" });
  });

  it("leaves values a paste does not change as they were, unaudited, and audits each value it writes", async () => {
    const measure = await createMeasure(db, { planId: area.planId, baselineDate: day(-400) });
    const same = await createMeasureValue(db, {
      measureId: measure.id,
      periodEnd: new Date("2025-01-31T00:00:00Z"),
      value: 40,
      status: "PROVISIONAL",
      note: "From the SEN2 return",
      enteredById: contributorId,
    });
    const corrected = await createMeasureValue(db, {
      measureId: measure.id,
      periodEnd: new Date("2025-02-28T00:00:00Z"),
      value: 39,
      status: "PROVISIONAL",
      note: "Early figure",
      enteredById: contributorId,
    });
    const validated = await createMeasureValue(db, {
      measureId: measure.id,
      periodEnd: new Date("2025-03-31T00:00:00Z"),
      value: 43,
      status: "VALIDATED",
      enteredById: contributorId,
    });
    const ctx = await contextFor(db, leadId);
    const result = await createCaller(ctx).measure.pasteValues({
      measureId: measure.id,
      status: "PROVISIONAL",
      text: "2025-04-30\t44\n2025-03-31\t43\n2025-02-28\t41\n2025-01-31\t40\n2025-05-31\t41",
      confirmReplace: true,
      replaceReason: "February corrected",
    });
    // March's figure is the same but no longer validated: a change of status is a change.
    expect(result).toEqual({ created: 2, updated: 2 });

    expect(await db.measureValue.findUniqueOrThrow({ where: { id: same.id } })).toEqual(same);
    const feb = await db.measureValue.findUniqueOrThrow({ where: { id: corrected.id } });
    expect(feb).toMatchObject({ value: 41, status: "PROVISIONAL", note: "Early figure", enteredById: leadId });
    expect(feb.updatedAt.getTime()).toBeGreaterThan(corrected.updatedAt.getTime());
    expect(await db.measureValue.findUniqueOrThrow({ where: { id: validated.id } })).toMatchObject({ value: 43, status: "PROVISIONAL" });

    const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    const added = await db.measureValue.findMany({ where: { measureId: measure.id, value: { in: [44, 41] }, NOT: { id: corrected.id } } });
    const idOf = (periodEnd: string) => added.find((v) => iso(v.periodEnd) === periodEnd)!.id;
    expect(events.map((e) => e.entityId).sort()).toEqual([idOf("2025-04-30"), validated.id, corrected.id, idOf("2025-05-31")].sort());
    for (const event of events) expect(event).toMatchObject({ action: "measure.pasteValues", entityType: "MeasureValue", actorId: leadId, localAreaId: area.localAreaId });
    const eventFor = (id: string) => events.find((e) => e.entityId === id)!;
    expect(eventFor(idOf("2025-04-30")).before).toBeNull();
    expect(eventFor(idOf("2025-04-30")).after).toEqual({
      id: idOf("2025-04-30"),
      periodEnd: "2025-04-30T00:00:00.000Z",
      value: 44,
      status: "PROVISIONAL",
      note: null,
      enteredById: leadId,
    });
    expect(eventFor(corrected.id).before).toMatchObject({ value: 39, note: "Early figure", enteredById: contributorId });
    expect(eventFor(corrected.id).after).toEqual({
      id: corrected.id,
      periodEnd: "2025-02-28T00:00:00.000Z",
      value: 41,
      status: "PROVISIONAL",
      note: "Early figure",
      enteredById: leadId,
      reason: "February corrected",
    });
    // March's figure is the same: a change of status alone replaces no figure, so carries no reason.
    expect(eventFor(validated.id).after).not.toHaveProperty("reason");
  });

  it("lets a contributor enter and validate values only on measures they own", async () => {
    const mine = await createMeasure(db, { planId: area.planId, ownerId: contributorId });
    const notMine = await createMeasure(db, { planId: area.planId, ownerId: leadId });
    const contributor = await callerFor(db, contributorId);
    const entry = (measureId: string) => ({ measureId, periodEnd: iso(day(-3)), value: 30, status: "PROVISIONAL" as const });

    const { id } = await contributor.measure.recordValue(entry(mine.id));
    await expect(contributor.measure.setValueStatus({ id, status: "VALIDATED" })).resolves.toEqual({ id, status: "VALIDATED" });
    await expect(contributor.measure.pasteValues({ measureId: mine.id, status: "PROVISIONAL", text: `${iso(day(-40))}\t28` })).resolves.toEqual({
      created: 1,
      updated: 0,
    });
    expect((await contributor.measure.byId({ id: mine.id })).viewerCan).toEqual({ edit: false, enterValues: true, reviewEvidence: false });

    await expect(contributor.measure.recordValue(entry(notMine.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(contributor.measure.pasteValues({ measureId: notMine.id, status: "PROVISIONAL", text: `${iso(day(-3))}\t1` })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const theirs = await createMeasureValue(db, { measureId: notMine.id });
    await expect(contributor.measure.setValueStatus({ id: theirs.id, status: "VALIDATED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await contributor.measure.byId({ id: notMine.id })).viewerCan).toEqual({ edit: false, enterValues: false, reviewEvidence: false });
    expect(await db.measureValue.count({ where: { measureId: notMine.id } })).toBe(1);
    expect((await db.measureValue.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("PROVISIONAL");

    await expect((await callerFor(db, viewerId)).measure.recordValue(entry(mine.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stores values dated before the baseline but does not judge them", async () => {
    const measure = await createMeasure(db, {
      planId: area.planId,
      baselineValue: 10,
      baselineDate: day(-90),
      targetValue: 50,
      targetDate: day(90),
    });
    const lead = await callerFor(db, leadId);
    // Before the baseline and far above the trajectory: it would be on track if it were judged.
    await lead.measure.recordValue({ measureId: measure.id, periodEnd: iso(day(-120)), value: 90, status: "VALIDATED" });
    let read = await lead.measure.byId({ id: measure.id });
    expect(read.values.map((v) => [v.value, v.beforeBaseline])).toEqual([[90, true]]);
    expect(read.status).toMatchObject({ status: "NO_DATA", latest: null });

    // Since the baseline, 12 where about 29.8 is expected (higher is better): off track.
    await lead.measure.recordValue({ measureId: measure.id, periodEnd: iso(day(-1)), value: 12, status: "PROVISIONAL" });
    read = await lead.measure.byId({ id: measure.id });
    expect(read.values.map((v) => [v.value, v.beforeBaseline])).toEqual([
      [12, false],
      [90, true],
    ]);
    expect(read.status).toMatchObject({ status: "OFF_TRACK", latest: { value: 12 } });
    expect(iso(read.status.latest!.periodEnd)).toBe(iso(day(-1)));

    const list = await lead.measure.list({ slug: area.slug });
    expect(list.measures.find((m) => m.id === measure.id)).toMatchObject({ status: { status: "OFF_TRACK" }, latest: { value: 12 } });
    expect(list.viewerCan.create).toBe(true);

    // The trend reads the same values: the one before the baseline is not a previous value.
    expect(list.measures.find((m) => m.id === measure.id)!.trend).toMatchObject({ trend: "NOT_ENOUGH_VALUES", previous: null });
    // A lower figure for the period before: the latest has risen from it, and higher is better.
    await lead.measure.recordValue({ measureId: measure.id, periodEnd: iso(day(-2)), value: 10, status: "PROVISIONAL" });
    const again = await lead.measure.list({ slug: area.slug });
    expect(again.measures.find((m) => m.id === measure.id)!.trend).toMatchObject({ trend: "IMPROVING", latest: { value: 12 }, previous: { value: 10 } });
  });
});

describe("values the measure cannot take", () => {
  it("are refused by the value form beside the value, by the unit and by the range set on the measure, and nothing is stored", async () => {
    const percent = await createMeasure(db, { planId: area.planId, unit: "PERCENT" });
    const count = await createMeasure(db, { planId: area.planId, unit: "COUNT" });
    const ranged = await createMeasure(db, { planId: area.planId, unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 });
    const lead = await callerFor(db, leadId);
    const entry = (measureId: string, value: number) => lead.measure.recordValue({ measureId, periodEnd: iso(day(-5)), value, status: "PROVISIONAL" });

    for (const value of [150, -20, 1_000_000_000_000]) {
      expect(fieldErrors(await refusal(entry(percent.id, value)))).toEqual({ value: "A percentage is between 0 and 100" });
    }
    expect(fieldErrors(await refusal(entry(count.id, 12.5)))).toEqual({ value: "A count is a whole number, 0 or more" });
    expect(fieldErrors(await refusal(entry(ranged.id, 85)))).toEqual({
      value: "Enter a value this measure can take: between 20 and 80, as set on the measure",
    });
    expect(await db.measureValue.count({ where: { measureId: { in: [percent.id, count.id, ranged.id] } } })).toBe(0);
    await expect(entry(ranged.id, 80)).resolves.toMatchObject({ replaced: false });
  });

  it("refuse a whole paste, each line named, and nothing is stored", async () => {
    const ranged = await createMeasure(db, { planId: area.planId, unit: "PERCENT", plausibleMin: 20, plausibleMax: 80, baselineDate: day(-400) });
    const ctx = await contextFor(db, leadId);
    const refused = await refusal(
      createCaller(ctx).measure.pasteValues({ measureId: ranged.id, status: "PROVISIONAL", text: "2025-01-31\t40\n2025-02-28\t150\n2025-03-31\t85" }),
    );
    expect(details(refused)).toEqual({
      lineErrors: [
        "Line 2: '150' is out of range: a percentage is between 0 and 100",
        "Line 3: '85' is out of range: this measure's values are between 20 and 80, as set on the measure",
      ],
    });
    expect(await db.measureValue.count({ where: { measureId: ranged.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });
});

describe("replacing a value already recorded", () => {
  it("is refused without a confirmation and a reason, naming the figures before and after, and changes nothing", async () => {
    const measure = await createMeasure(db, { planId: area.planId, ownerId: contributorId });
    const recorded = await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-5), value: 41.5, status: "PROVISIONAL", enteredById: contributorId });
    const ctx = await contextFor(db, leadId);
    const lead = createCaller(ctx);
    const entry = { measureId: measure.id, periodEnd: iso(day(-5)), value: 45, status: "VALIDATED" as const };

    // An old form, which knows nothing of confirming.
    const silent = await refusal(lead.measure.recordValue(entry));
    const asked = `A value is already recorded for the period ending ${formatDate(iso(day(-5)))} (41.5%). Confirm you are replacing it with 45%, and say why.`;
    expect(fieldErrors(silent)).toEqual({ replaceReason: asked });
    expect(details(silent).replacements).toEqual([{ periodEnd: iso(day(-5)), before: 41.5, after: 45 }]);
    // A reason without the confirmation, and a confirmation without a reason.
    expect(fieldErrors(await refusal(lead.measure.recordValue({ ...entry, replaceReason: "Validated" })))).toEqual({ replaceReason: asked });
    expect(fieldErrors(await refusal(lead.measure.recordValue({ ...entry, confirmReplace: true, replaceReason: "   " })))).toEqual({
      replaceReason: "Enter why you are replacing the value already recorded",
    });
    const tooLong = await refusal(lead.measure.recordValue({ ...entry, confirmReplace: true, replaceReason: "x".repeat(501) }));
    expect(fieldErrors(tooLong)).toEqual({ replaceReason: "The reason must be 500 characters or fewer" });

    expect(await db.measureValue.findUniqueOrThrow({ where: { id: recorded.id } })).toEqual(recorded);
    expect(await db.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);

    await lead.measure.recordValue({ ...entry, confirmReplace: true, replaceReason: "Validated against the SEN2 return" });
    expect(await db.measureValue.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({ value: 45, status: "VALIDATED", enteredById: leadId });
    const [event] = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(event).toMatchObject({ action: "measure.recordValue", entityId: recorded.id, actorId: leadId });
    expect(event!.before).toMatchObject({ value: 41.5, status: "PROVISIONAL", enteredById: contributorId });
    expect(event!.after).toMatchObject({ value: 45, status: "VALIDATED", reason: "Validated against the SEN2 return" });
  });

  it("needs no confirmation when the figure stays the same", async () => {
    const measure = await createMeasure(db, { planId: area.planId });
    const recorded = await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-5), value: 30, status: "PROVISIONAL" });
    const lead = await callerFor(db, leadId);
    await expect(
      lead.measure.recordValue({ measureId: measure.id, periodEnd: iso(day(-5)), value: 30, status: "VALIDATED", note: "Checked" }),
    ).resolves.toEqual({ id: recorded.id, replaced: true });
    expect(await db.measureValue.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({ value: 30, status: "VALIDATED", note: "Checked" });
  });

  it("by a paste is refused unless confirmed with one reason, listing every figure replaced, and nothing is stored; confirmed, the reason is on each", async () => {
    const measure = await createMeasure(db, { planId: area.planId, baselineDate: day(-400) });
    const jan = await createMeasureValue(db, { measureId: measure.id, periodEnd: new Date("2025-01-31T00:00:00Z"), value: 5 });
    const feb = await createMeasureValue(db, { measureId: measure.id, periodEnd: new Date("2025-02-28T00:00:00Z"), value: 6 });
    const ctx = await contextFor(db, leadId);
    const lead = createCaller(ctx);
    const paste = { measureId: measure.id, status: "PROVISIONAL" as const, text: "2025-01-31\t40\n2025-02-28\t6\n2025-03-31\t43\n2025-04-30\t44" };

    const refused = await refusal(lead.measure.pasteValues(paste));
    expect(fieldErrors(refused)).toEqual({
      replaceReason: `A value is already recorded for the period ending ${formatDate("2025-01-31")} (5%). Confirm you are replacing it with 40%, and say why.`,
    });
    expect(details(refused).replacements).toEqual([{ periodEnd: "2025-01-31", before: 5, after: 40 }]);
    const noReason = await refusal(lead.measure.pasteValues({ ...paste, confirmReplace: true }));
    expect(fieldErrors(noReason)).toEqual({ replaceReason: "Enter why you are replacing the value already recorded" });
    // Nothing at all is written, the new periods included.
    expect((await db.measureValue.findMany({ where: { measureId: measure.id }, orderBy: { periodEnd: "asc" } })).map((v) => v.value)).toEqual([5, 6]);
    expect(await db.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);

    const two = await refusal(lead.measure.pasteValues({ ...paste, text: "2025-01-31\t40\n2025-02-28\t7" }));
    expect(fieldErrors(two)).toEqual({ replaceReason: "Values are already recorded for 2 of these periods. Confirm you are replacing them, and say why." });
    expect(details(two).replacements).toEqual([
      { periodEnd: "2025-01-31", before: 5, after: 40 },
      { periodEnd: "2025-02-28", before: 6, after: 7 },
    ]);

    await expect(lead.measure.pasteValues({ ...paste, confirmReplace: true, replaceReason: "Keyed in the wrong column" })).resolves.toEqual({
      created: 2,
      updated: 1,
    });
    const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(3);
    const janEvent = events.find((e) => e.entityId === jan.id)!;
    expect(janEvent.before).toMatchObject({ value: 5 });
    expect(janEvent.after).toMatchObject({ value: 40, reason: "Keyed in the wrong column" });
    expect(events.find((e) => e.entityId === feb.id)).toBeUndefined();
    for (const added of events.filter((e) => e.entityId !== jan.id)) expect(added.after).not.toHaveProperty("reason");
  });
});

describe("another area", () => {
  it("answers NOT_FOUND for every measure procedure, and changes nothing", async () => {
    const measure = await createMeasure(db, { planId: area.planId, findingIds: [area.findingId] });
    const value = await createMeasureValue(db, { measureId: measure.id });
    const stranger = await callerFor(db, strangerId);
    const notFound = { code: "NOT_FOUND" };
    await expect(stranger.measure.list({ slug: area.slug })).rejects.toMatchObject(notFound);
    await expect(stranger.measure.byId({ id: measure.id })).rejects.toMatchObject(notFound);
    await expect(stranger.measure.create(fields({ ref: "X1" }))).rejects.toMatchObject(notFound);
    await expect(stranger.measure.update({ ...fields({ ref: "X1" }), id: measure.id, version: 1 })).rejects.toMatchObject(notFound);
    await expect(stranger.measure.recordValue({ measureId: measure.id, periodEnd: iso(day(-2)), value: 1, status: "PROVISIONAL" })).rejects.toMatchObject(notFound);
    await expect(stranger.measure.pasteValues({ measureId: measure.id, status: "PROVISIONAL", text: "Jan 2025\t1" })).rejects.toMatchObject(notFound);
    await expect(stranger.measure.setValueStatus({ id: value.id, status: "VALIDATED" })).rejects.toMatchObject(notFound);
    expect(await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({ version: 1, ref: measure.ref });
    expect(await db.measureValue.count({ where: { measureId: measure.id } })).toBe(1);
  });

  it("lists only its own plan's measures", async () => {
    await createMeasure(db, { planId: other.planId, ref: "OTHER1" });
    const list = await (await callerFor(db, strangerId)).measure.list({ slug: other.slug });
    expect(list.measures.map((m) => m.ref)).toEqual(["OTHER1"]);
    const ours = await (await callerFor(db, viewerId)).measure.list({ slug: area.slug });
    expect(ours.measures.map((m) => m.ref)).not.toContain("OTHER1");
    expect(ours.viewerCan.create).toBe(false);
    // Owners are offered by measure.formChoices, to the lead only: the list carries none, to anyone.
    expect(ours).not.toHaveProperty("owners");
  });
});
