/**
 * The shape of an entry in the permission walk (server/api/procedure-walk.test.ts). Each group
 * of procedures keeps its entries in its own file beside this one; walk.ts merges them.
 */
import type { createAreaWithPlan } from "@/prisma/factories";
import type { Actor, AreaCapability } from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";

export type Fixture = {
  /** Area A: every role below is a member here. Its action is owned by the CONTRIBUTOR. */
  area: Awaited<ReturnType<typeof createAreaWithPlan>>;
  otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
  users: Record<Actor | "ADMIN" | "OTHER_AREA", string>;
};

export type Who = Actor | "ADMIN" | "OTHER_AREA" | "ANONYMOUS";
export type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

export type Spec = {
  /** "area": acts on area A's records; "self": lists the caller's own things; "global": no area. */
  scope: "area" | "self" | "global";
  /**
   * A valid input, made afresh for every call (so it may create data, or read a record's current
   * version). The walk calls each procedure once per role.
   */
  input: (fx: Fixture, db: PrismaClient) => unknown;
  /** For "own" grants: the owner of the record the input names. */
  ownerId?: (fx: Fixture) => string | null;
  /**
   * For a guard the table cannot express alone (the national view: NATIONAL, or an ADVISER of at
   * least one area): the outcome for a caller, or undefined to follow the table. Keep the rule
   * here as plain as the service's.
   */
  outcome?: (who: Who, fx: Fixture) => Outcome | undefined;
  /**
   * Area capabilities the service rightly enforces (requireCan, areaScope) besides the declared
   * guard and plan.read (finding the record first), each with a comment saying why. The walk
   * fails on any other it sees enforced, so a service checking plan.edit behind a procedure that
   * declares action.update is caught.
   */
  alsoEnforces?: AreaCapability[];
  /**
   * "can": the service checks the declared capability with can() and refuses by itself rather
   * than through requireCan, so the walk looks for it among the capabilities asked about.
   */
  declaredCheckedBy?: "can";
};

export type Specs = Record<string, Spec>;
