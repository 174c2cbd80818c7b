/**
 * Who may do what (docs/design.md section 2), once, in code. Every procedure names one capability
 * from this table in its meta; the permission test walks every procedure against every role.
 *
 * Pure: no database, no React (tests may watch the checks: observeCapabilityChecks, at the
 * end). The tenant boundary is the local area: a capability is granted by the role a person
 * holds *in the area the record belongs to*. NATIONAL reads every area.
 */
import type { AreaRole, GlobalRole } from "@/server/generated/prisma/enums";

/** The role a viewer acts in for one area: their membership role there, else NATIONAL. */
export type Actor = AreaRole | "NATIONAL";
export const ACTORS: readonly Actor[] = ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER", "NATIONAL"];

/** true: allowed; "own": allowed on records the person owns (actions, measures). */
type Grant = true | "own";
type Grants = Partial<Record<Actor, Grant>>;

const everyone: Grants = { LEAD: true, CONTRIBUTOR: true, FORUM: true, ADVISER: true, VIEWER: true, NATIONAL: true };

export const AREA_PERMISSIONS = {
  /** Read the plan, actions, measures and evidence that is not internal. */
  "plan.read": everyone,
  /** Read INTERNAL evidence and comments. The forum does not. */
  "internal.read": { LEAD: true, CONTRIBUTOR: true, ADVISER: true, VIEWER: true, NATIONAL: true },
  /** Edit plan structure, findings, actions, measures and targets. */
  "plan.edit": { LEAD: true },
  /** Post an update and add evidence on an action. */
  "action.update": { LEAD: true, CONTRIBUTOR: "own" },
  "measure.enterValues": { LEAD: true, CONTRIBUTOR: "own" },
  /** Review evidence and acknowledge updates. */
  "evidence.review": { LEAD: true },
  /** Forum verdicts, forum evidence, you-said-we-did proposals. */
  "forum.write": { FORUM: true },
  /** Adviser notes and judgements, deciding change requests. */
  "adviser.write": { ADVISER: true },
  "comment.write": { LEAD: true, CONTRIBUTOR: true, FORUM: true, ADVISER: true },
  "area.publish": { LEAD: true },
  "area.manageMembers": { LEAD: true },
  /** Only a LEAD or an ADVISER freezes the plan's state; everyone reads snapshots. */
  "snapshot.take": { LEAD: true, ADVISER: true },
  /** Adviser notes and views on the likely judgement: the area's LEAD and VIEWERs, advisers, NATIONAL. */
  "adviserNote.read": { LEAD: true, ADVISER: true, VIEWER: true, NATIONAL: true },
  "boardPack.export": everyone,
  /**
   * The area's activity page: everything changed in the area, by anyone, downloadable. For those
   * answerable for the whole plan (its LEAD) and the adviser holding them to it; the others read
   * the history of each record they may read instead.
   */
  "activity.read": { LEAD: true, ADVISER: true },
  /**
   * The area's API tokens (/api/v1): make, list and revoke them. The plan lead answers for what
   * the area's systems send; an administrator may too, in any area (server/services/api/api-tokens.ts).
   */
  "apiToken.manage": { LEAD: true },
} as const satisfies Record<string, Grants>;

export type AreaCapability = keyof typeof AREA_PERMISSIONS;

/** Capabilities that do not belong to one area. */
export const GLOBAL_PERMISSIONS = {
  /** Areas, users and memberships. */
  "admin.manage": ["ADMIN"],
  /** The national view across every area (advisers get their own areas through plan.read). */
  "national.read": ["NATIONAL"],
} as const satisfies Record<string, readonly GlobalRole[]>;

export type GlobalCapability = keyof typeof GLOBAL_PERMISSIONS;

/**
 * How a procedure is guarded, declared in its meta:
 * - an area capability: checked against the record's area (the service puts it in the query);
 * - a global capability: checked against the user's global role;
 * - "signedIn": any signed-in user, on their own things only (their areas, their profile);
 * - "public": anyone, published material only.
 */
export type Guard = AreaCapability | GlobalCapability | "signedIn" | "public";

export function isAreaCapability(guard: string): guard is AreaCapability {
  return Object.hasOwn(AREA_PERMISSIONS, guard);
}
export function isGlobalCapability(guard: string): guard is GlobalCapability {
  return Object.hasOwn(GLOBAL_PERMISSIONS, guard);
}

/** What the permission rules need to know about the person asking. */
export type Viewer = {
  userId: string;
  globalRole: GlobalRole | null;
  memberships: ReadonlyArray<{ localAreaId: string; role: AreaRole }>;
};

export function actorIn(viewer: Viewer, localAreaId: string): Actor | null {
  const membership = viewer.memberships.find((m) => m.localAreaId === localAreaId);
  if (membership) return membership.role;
  if (viewer.globalRole === "NATIONAL") return "NATIONAL";
  return null;
}

/** May `viewer` act on a record of `localAreaId` (owned by `ownerId`, where ownership matters)? */
export function can(
  viewer: Viewer,
  capability: AreaCapability,
  record: { localAreaId: string; ownerId?: string | null },
): boolean {
  const granted = grantedTo(viewer, capability, record);
  if (observer) observer({ how: "ask", capability, granted });
  return granted;
}

function grantedTo(viewer: Viewer, capability: AreaCapability, record: { localAreaId: string; ownerId?: string | null }): boolean {
  const actor = actorIn(viewer, record.localAreaId);
  if (!actor) return false;
  const grant = (AREA_PERMISSIONS[capability] as Grants)[actor];
  if (grant === true) return true;
  if (grant === "own") return record.ownerId != null && record.ownerId === viewer.userId;
  return false;
}

/** Whether the role may ever hold the capability (ignoring ownership): for menus and tests. */
export function grantOf(capability: AreaCapability, actor: Actor): Grant | undefined {
  return (AREA_PERMISSIONS[capability] as Grants)[actor];
}

export function canGlobally(viewer: Viewer, capability: GlobalCapability): boolean {
  const granted = viewer.globalRole != null && (GLOBAL_PERMISSIONS[capability] as readonly GlobalRole[]).includes(viewer.globalRole);
  if (observer) observer({ how: "global", capability, granted });
  return granted;
}

/**
 * The areas in which the viewer holds `capability` (with any grant, "own" included), as a
 * Prisma `where` fragment for `localAreaId`. `undefined` means every area (NATIONAL reading).
 * Put it in the query itself: a row of another area is then simply not found.
 */
export type AreaFilter = { in: string[] } | { notIn: string[] };

export function areaScope(viewer: Viewer, capability: AreaCapability): AreaFilter | undefined {
  if (observer) observer({ how: "scope", capability });
  const grants = AREA_PERMISSIONS[capability] as Grants;
  const ids = viewer.memberships.filter((m) => grants[m.role] !== undefined).map((m) => m.localAreaId);
  if (viewer.globalRole === "NATIONAL" && grants.NATIONAL !== undefined) {
    // NATIONAL sees every area, except where a membership gives them a narrower role.
    const narrowed = viewer.memberships.filter((m) => grants[m.role] === undefined).map((m) => m.localAreaId);
    if (narrowed.length === 0) return undefined;
    return { notIn: narrowed };
  }
  return { in: ids };
}

// Watching the checks (tests only) ----------------------------------------------------------

/**
 * One look at the permission table, as the procedure walk sees it (server/testing/capability-checks.ts):
 * - "require": refuses the call unless granted (requireCan, server/services/core/access.ts);
 * - "scope": limits what a query finds to the areas where it is held (areaScope, findInArea);
 * - "ask": only answers (a viewerCan flag, or a check the service then acts on itself);
 * - "global": a global capability (the guard in server/api/trpc.ts, the national scope).
 */
export type CapabilityCheck =
  | { how: "require" | "ask"; capability: AreaCapability; granted: boolean }
  | { how: "scope"; capability: AreaCapability }
  | { how: "global"; capability: GlobalCapability; granted: boolean };

let observer: ((check: CapabilityCheck) => void) | undefined;

/**
 * Tests only: every check above is reported to `fn` (undefined to stop). Production never sets
 * it, so a check costs one comparison more.
 */
export function observeCapabilityChecks(fn: ((check: CapabilityCheck) => void) | undefined) {
  observer = fn;
}

/** Reports a check made outside this file (requireCan) to the test's observer, if there is one. */
export function noteCapabilityCheck(check: CapabilityCheck) {
  if (observer) observer(check);
}
