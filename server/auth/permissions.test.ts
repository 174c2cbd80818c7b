import { describe, it, expect } from "vitest";
import type { AreaRole, GlobalRole } from "@/server/generated/prisma/enums";
import {
  ACTORS,
  AREA_PERMISSIONS,
  GLOBAL_PERMISSIONS,
  actorIn,
  areaScope,
  can,
  canGlobally,
  grantOf,
  isAreaCapability,
  isGlobalCapability,
  type Actor,
  type AreaCapability,
  type Viewer,
} from "@/server/auth/permissions";

/**
 * docs/design.md section 2, transcribed by hand (not derived from the code), so this test fails if
 * AREA_PERMISSIONS drifts from the design. One entry per row of the table; a row that names two
 * things ("publish the public page, manage the area's members") maps to two capabilities.
 */
type Cell = "yes" | "own" | "no";
type Row = { design: string; capabilities: string[]; cells: Record<Actor, Cell> };

// prettier-ignore
const DESIGN_TABLE: Row[] = [
  { design: "read the plan, actions, measures, non-internal evidence", capabilities: ["plan.read"],
    cells: { LEAD: "yes", CONTRIBUTOR: "yes", FORUM: "yes", ADVISER: "yes", VIEWER: "yes", NATIONAL: "yes" } },
  { design: "read INTERNAL evidence and comments", capabilities: ["internal.read"],
    cells: { LEAD: "yes", CONTRIBUTOR: "yes", FORUM: "no", ADVISER: "yes", VIEWER: "yes", NATIONAL: "yes" } },
  { design: "edit plan structure, findings, actions, measures, targets", capabilities: ["plan.edit"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
  { design: "post an update, add evidence on an action", capabilities: ["action.update"],
    cells: { LEAD: "yes", CONTRIBUTOR: "own", FORUM: "no", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
  { design: "enter measure values", capabilities: ["measure.enterValues"],
    cells: { LEAD: "yes", CONTRIBUTOR: "own", FORUM: "no", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
  { design: "review evidence, acknowledge updates", capabilities: ["evidence.review"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
  { design: "forum verdicts, forum evidence, you-said-we-did proposals", capabilities: ["forum.write"],
    cells: { LEAD: "no", CONTRIBUTOR: "no", FORUM: "yes", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
  { design: "adviser notes and judgements, decide change requests", capabilities: ["adviser.write"],
    cells: { LEAD: "no", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "yes", VIEWER: "no", NATIONAL: "no" } },
  { design: "comment", capabilities: ["comment.write"],
    cells: { LEAD: "yes", CONTRIBUTOR: "yes", FORUM: "yes", ADVISER: "yes", VIEWER: "no", NATIONAL: "no" } },
  { design: "publish the public page, manage the area's members", capabilities: ["area.publish", "area.manageMembers"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
  { design: "export board packs", capabilities: ["boardPack.export"],
    cells: { LEAD: "yes", CONTRIBUTOR: "yes", FORUM: "yes", ADVISER: "yes", VIEWER: "yes", NATIONAL: "yes" } },
  // Only a LEAD or an ADVISER freezes the plan's state under a label.
  { design: "take snapshots", capabilities: ["snapshot.take"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "yes", VIEWER: "no", NATIONAL: "no" } },
  // Adviser notes are visible to the area's LEAD and VIEWERs and to NATIONAL users, not to contributors or the forum.
  { design: "read adviser notes", capabilities: ["adviserNote.read"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "yes", VIEWER: "yes", NATIONAL: "yes" } },
  // The area's activity page (every change, by anyone, as CSV too): its LEAD and its ADVISER only.
  { design: "read the area's activity", capabilities: ["activity.read"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "yes", VIEWER: "no", NATIONAL: "no" } },
  // API tokens for the area's systems: its LEAD (and an ADMIN, globally, which this table does not hold).
  { design: "make and revoke the area's API tokens", capabilities: ["apiToken.manage"],
    cells: { LEAD: "yes", CONTRIBUTOR: "no", FORUM: "no", ADVISER: "no", VIEWER: "no", NATIONAL: "no" } },
];

const ROLES: Actor[] = ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER", "NATIONAL"];
const AREA = "area-home";
const OTHER_AREA = "area-elsewhere";
const ME = "user-me";
const SOMEONE_ELSE = "user-someone-else";

/** A person acting as `role` in AREA: a member with that role, or NATIONAL with no membership. */
function actingAs(role: Actor, area = AREA): Viewer {
  return role === "NATIONAL"
    ? { userId: ME, globalRole: "NATIONAL", memberships: [] }
    : { userId: ME, globalRole: null, memberships: [{ localAreaId: area, role }] };
}

const cells = DESIGN_TABLE.flatMap((row) =>
  row.capabilities.flatMap((capability) => ROLES.map((role) => ({ design: row.design, capability, role, cell: row.cells[role] }))),
);

function asCapability(key: string): AreaCapability {
  if (!isAreaCapability(key)) throw new Error(`"${key}" (from docs/design.md) is not a capability in AREA_PERMISSIONS`);
  return key;
}

describe("AREA_PERMISSIONS matches docs/design.md section 2", () => {
  it("has exactly the capabilities of the design table, no more, no fewer", () => {
    const expected = DESIGN_TABLE.flatMap((r) => r.capabilities).sort();
    expect(Object.keys(AREA_PERMISSIONS).sort()).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
  });

  it("the actors are the six columns of the table", () => {
    expect([...ACTORS].sort()).toEqual([...ROLES].sort());
  });

  it("grants no role outside the table's columns", () => {
    for (const grants of Object.values(AREA_PERMISSIONS)) {
      for (const role of Object.keys(grants)) expect(ROLES).toContain(role);
    }
  });

  it(`walks all ${cells.length} cells`, () => {
    expect(cells).toHaveLength(16 * 6);
  });

  it.each(cells)("$capability / $role: $cell", ({ capability, role, cell }) => {
    const cap = asCapability(capability);
    const viewer = actingAs(role);
    expect(actorIn(viewer, AREA)).toBe(role);
    expect(grantOf(cap, role)).toBe(cell === "yes" ? true : cell === "own" ? "own" : undefined);

    const mine = can(viewer, cap, { localAreaId: AREA, ownerId: ME });
    const theirs = can(viewer, cap, { localAreaId: AREA, ownerId: SOMEONE_ELSE });
    const unowned = can(viewer, cap, { localAreaId: AREA, ownerId: null });
    const noOwnerGiven = can(viewer, cap, { localAreaId: AREA });
    if (cell === "yes") {
      expect([mine, theirs, unowned, noOwnerGiven]).toEqual([true, true, true, true]);
    } else if (cell === "own") {
      // Only on records they own; a record with no owner is nobody's.
      expect([mine, theirs, unowned, noOwnerGiven]).toEqual([true, false, false, false]);
    } else {
      expect([mine, theirs, unowned, noOwnerGiven]).toEqual([false, false, false, false]);
    }
  });
});

describe("the CONTRIBUTOR 'own' rule", () => {
  const contributor = actingAs("CONTRIBUTOR");
  it.each([
    ["their own action", "action.update", ME, true],
    ["someone else's action", "action.update", SOMEONE_ELSE, false],
    ["an action with no owner", "action.update", null, false],
    ["their own measure", "measure.enterValues", ME, true],
    ["someone else's measure", "measure.enterValues", SOMEONE_ELSE, false],
    ["a measure with no owner", "measure.enterValues", null, false],
    // Owning a record does not widen a plain "no".
    ["editing their own action's structure", "plan.edit", ME, false],
    ["reviewing evidence on their own action", "evidence.review", ME, false],
  ] as const)("%s -> %s", (_name, capability, ownerId, expected) => {
    expect(can(contributor, capability, { localAreaId: AREA, ownerId })).toBe(expected);
  });

  it("owning a record in another area gives nothing", () => {
    expect(can(contributor, "action.update", { localAreaId: OTHER_AREA, ownerId: ME })).toBe(false);
  });

  it("the owner must be exactly this user (no prefix match)", () => {
    const v: Viewer = { userId: "u-1", globalRole: null, memberships: [{ localAreaId: AREA, role: "CONTRIBUTOR" }] };
    expect(can(v, "action.update", { localAreaId: AREA, ownerId: "u-10" })).toBe(false);
    expect(can(v, "action.update", { localAreaId: AREA, ownerId: "u-1" })).toBe(true);
  });
});

describe("a member of another area", () => {
  const areaRoles: AreaRole[] = ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"];
  const capabilities = Object.keys(AREA_PERMISSIONS) as AreaCapability[];

  it.each(areaRoles)("%s elsewhere gets false for every capability here, even on records they own", (role) => {
    const viewer = actingAs(role, OTHER_AREA);
    expect(actorIn(viewer, AREA)).toBeNull();
    for (const capability of capabilities) {
      for (const ownerId of [ME, SOMEONE_ELSE, null]) {
        expect(can(viewer, capability, { localAreaId: AREA, ownerId }), `${role} ${capability} ${ownerId}`).toBe(false);
      }
    }
    // Control: in their own area the same role can at least read.
    expect(can(viewer, "plan.read", { localAreaId: OTHER_AREA })).toBe(true);
  });

  it("ADMIN with no membership is not an area actor", () => {
    const admin: Viewer = { userId: ME, globalRole: "ADMIN", memberships: [] };
    expect(actorIn(admin, AREA)).toBeNull();
    for (const capability of capabilities) expect(can(admin, capability, { localAreaId: AREA, ownerId: ME })).toBe(false);
  });

  it("a signed-in user with no role anywhere gets nothing", () => {
    const nobody: Viewer = { userId: ME, globalRole: null, memberships: [] };
    for (const capability of capabilities) expect(can(nobody, capability, { localAreaId: AREA, ownerId: ME })).toBe(false);
  });
});

describe("NATIONAL with a membership acts in their membership role there", () => {
  const v: Viewer = { userId: ME, globalRole: "NATIONAL", memberships: [{ localAreaId: AREA, role: "FORUM" }] };
  it.each([
    [AREA, "FORUM", "internal.read", false],
    [AREA, "FORUM", "forum.write", true],
    [OTHER_AREA, "NATIONAL", "internal.read", true],
    [OTHER_AREA, "NATIONAL", "forum.write", false],
  ] as const)("in %s as %s: %s -> %s", (area, actor, capability, expected) => {
    expect(actorIn(v, area)).toBe(actor);
    expect(can(v, capability, { localAreaId: area })).toBe(expected);
  });
});

describe("areaScope", () => {
  const multi: Viewer = {
    userId: ME,
    globalRole: null,
    memberships: [
      { localAreaId: "a-lead", role: "LEAD" },
      { localAreaId: "b-forum", role: "FORUM" },
      { localAreaId: "c-contrib", role: "CONTRIBUTOR" },
      { localAreaId: "d-viewer", role: "VIEWER" },
    ],
  };
  const national: Viewer = { userId: ME, globalRole: "NATIONAL", memberships: [] };
  const nationalForum: Viewer = { userId: ME, globalRole: "NATIONAL", memberships: [{ localAreaId: "b-forum", role: "FORUM" }] };
  const nationalLead: Viewer = { userId: ME, globalRole: "NATIONAL", memberships: [{ localAreaId: "a-lead", role: "LEAD" }] };
  const admin: Viewer = { userId: ME, globalRole: "ADMIN", memberships: [{ localAreaId: "a-lead", role: "LEAD" }] };
  const nobody: Viewer = { userId: ME, globalRole: null, memberships: [] };

  it.each([
    ["member: plan.read -> all their areas", multi, "plan.read", { in: ["a-lead", "b-forum", "c-contrib", "d-viewer"] }],
    ["member: internal.read -> not the forum area", multi, "internal.read", { in: ["a-lead", "c-contrib", "d-viewer"] }],
    ["member: plan.edit -> lead area only", multi, "plan.edit", { in: ["a-lead"] }],
    ["member: action.update -> includes 'own' areas", multi, "action.update", { in: ["a-lead", "c-contrib"] }],
    ["member: forum.write -> forum area only", multi, "forum.write", { in: ["b-forum"] }],
    ["member: adviser.write -> none", multi, "adviser.write", { in: [] }],
    ["member: comment.write -> not the viewer area", multi, "comment.write", { in: ["a-lead", "b-forum", "c-contrib"] }],
    ["no roles anywhere -> empty", nobody, "plan.read", { in: [] }],
    ["NATIONAL, no memberships: plan.read -> every area", national, "plan.read", undefined],
    ["NATIONAL, no memberships: internal.read -> every area", national, "internal.read", undefined],
    ["NATIONAL, no memberships: boardPack.export -> every area", national, "boardPack.export", undefined],
    ["NATIONAL, no memberships: plan.edit -> none", national, "plan.edit", { in: [] }],
    ["NATIONAL, no memberships: comment.write -> none", national, "comment.write", { in: [] }],
    ["NATIONAL + FORUM: internal.read -> every area but the forum one", nationalForum, "internal.read", { notIn: ["b-forum"] }],
    ["NATIONAL + FORUM: plan.read -> every area", nationalForum, "plan.read", undefined],
    ["NATIONAL + FORUM: forum.write -> the forum area", nationalForum, "forum.write", { in: ["b-forum"] }],
    ["NATIONAL + LEAD: internal.read -> every area", nationalLead, "internal.read", undefined],
    ["NATIONAL + LEAD: plan.edit -> the lead area", nationalLead, "plan.edit", { in: ["a-lead"] }],
    ["ADMIN + LEAD: plan.read -> the lead area only", admin, "plan.read", { in: ["a-lead"] }],
  ] as const)("%s", (_name, viewer, capability, expected) => {
    expect(areaScope(viewer, capability)).toEqual(expected);
  });

  it("agrees with can() for every viewer, capability and area", () => {
    const areas = ["a-lead", "b-forum", "c-contrib", "d-viewer", "z-unrelated"];
    const admits = (scope: ReturnType<typeof areaScope>, area: string) =>
      scope === undefined ? true : "in" in scope ? scope.in.includes(area) : !scope.notIn.includes(area);
    for (const viewer of [multi, national, nationalForum, nationalLead, admin, nobody]) {
      for (const capability of Object.keys(AREA_PERMISSIONS) as AreaCapability[]) {
        const scope = areaScope(viewer, capability);
        for (const area of areas) {
          // ownerId = the viewer: the scope includes "own" grants.
          expect(admits(scope, area), `${JSON.stringify(viewer.memberships)} ${viewer.globalRole} ${capability} ${area}`).toBe(
            can(viewer, capability, { localAreaId: area, ownerId: viewer.userId }),
          );
        }
      }
    }
  });
});

describe("canGlobally", () => {
  it.each([
    ["ADMIN", "admin.manage", true],
    ["ADMIN", "national.read", false],
    ["NATIONAL", "admin.manage", false],
    ["NATIONAL", "national.read", true],
    [null, "admin.manage", false],
    [null, "national.read", false],
  ] as const)("%s / %s -> %s", (globalRole: GlobalRole | null, capability, expected) => {
    // Area memberships never confer global capabilities.
    const viewer: Viewer = { userId: ME, globalRole, memberships: [{ localAreaId: AREA, role: "LEAD" }] };
    expect(canGlobally(viewer, capability)).toBe(expected);
  });

  it("GLOBAL_PERMISSIONS has exactly admin.manage and national.read", () => {
    expect(Object.keys(GLOBAL_PERMISSIONS).sort()).toEqual(["admin.manage", "national.read"]);
  });
});

describe("guard kinds", () => {
  it.each([
    ["plan.read", true, false],
    ["boardPack.export", true, false],
    ["admin.manage", false, true],
    ["national.read", false, true],
    ["signedIn", false, false],
    ["public", false, false],
    // Object prototype keys are not capabilities.
    ["toString", false, false],
    ["constructor", false, false],
    ["hasOwnProperty", false, false],
  ])("%s: area %s, global %s", (guard, area, global) => {
    expect(isAreaCapability(guard)).toBe(area);
    expect(isGlobalCapability(guard)).toBe(global);
  });
});
