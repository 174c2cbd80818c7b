/**
 * Everything the analysers compare a file with, read once before analysis: the plan as the
 * workbook sees it (workbook-state.ts), the organisations a name may match, the people an action
 * may be given to, and the full inspections a Plan sheet's date may name. Reading it all first
 * keeps the analysers free of the database, so a check and an apply decide alike.
 */
import { utcDay } from "@/lib/calendar";
import type { InspectionFramework } from "@/server/generated/prisma/enums";
import { isPlanAccepted } from "@/server/domain/change-control";
import { notFound } from "@/server/errors";
import { ownerChoices } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";
import { key, organisationKey } from "@/server/services/plan-transfer/import/compare";
import { loadAreaState, type AreaState } from "@/server/services/plan-transfer/workbook-state";

export type ImportState = AreaState & {
  /** Whether the plan, as it is before this file, is accepted: change control applies. */
  planAccepted: boolean;
  /** Organisations by compared name: the area's own first, then national bodies (DfE, NHS England). */
  organisations: Map<string, { id: string; name: string }>;
  /** Whom the action editor offers as owner, by lower-case email. */
  ownerByEmail: Map<string, string>;
  /** Members' lower-case emails by user id. */
  emailById: Map<string, string>;
  /** Why a member's address is not taken as an owner, by lower-case email. */
  notOwnerBecause: Map<string, string>;
  /** The area's full inspections with a start date, oldest record first. */
  fullInspections: { id: string; framework: InspectionFramework; startDate: Date }[];
  /** Existing findings' and measures' ids by ref as compared. */
  findingIds: Map<string, string>;
  measureIds: Map<string, string>;
  /** The last day a value may be for: a period that has not ended has no figure yet. */
  lastPeriodEnd: Date;
};

export async function loadImportState(db: Db, localAreaId: string): Promise<ImportState> {
  const state = await loadAreaState(db, localAreaId);
  if (!state) throw notFound("That local area");
  const { area, plan } = state;

  const orgs = await db.organisation.findMany({
    where: { OR: [{ localAreaId: area.id }, { localAreaId: null }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, localAreaId: true },
  });
  const organisations = new Map<string, { id: string; name: string }>();
  for (const o of [...orgs.filter((o) => o.localAreaId), ...orgs.filter((o) => !o.localAreaId)]) {
    const k = organisationKey(o.name);
    if (!organisations.has(k)) organisations.set(k, { id: o.id, name: o.name });
  }

  // The area's other members are looked up only to say why their address is not taken.
  const owners = await ownerChoices(db, area.id);
  const members = await db.membership.findMany({
    where: { localAreaId: area.id, user: { email: { not: null } } },
    select: { user: { select: { id: true, email: true, disabledAt: true } } },
  });
  const ownerByEmail = new Map(owners.filter((u) => u.email).map((u) => [u.email!.toLowerCase(), u.id]));
  const emailById = new Map(members.map(({ user }) => [user.id, user.email!.toLowerCase()]));
  const notOwnerBecause = new Map(
    members
      .filter(({ user }) => !ownerByEmail.has(user.email!.toLowerCase()))
      .map(({ user }) => {
        const email = user.email!.toLowerCase();
        return [email, user.disabledAt ? `The account of ${email} is disabled` : `${email} is not a lead or contributor in ${area.name}`];
      }),
  );

  const inspections = await db.inspection.findMany({
    where: { localAreaId: area.id, kind: "FULL", startDate: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, framework: true, startDate: true },
  });

  return {
    ...state,
    planAccepted: plan !== null && isPlanAccepted(plan),
    organisations,
    ownerByEmail,
    emailById,
    notOwnerBecause,
    fullInspections: inspections.map((i) => ({ id: i.id, framework: i.framework, startDate: i.startDate! })),
    findingIds: new Map(plan?.findings.map((f) => [key(f.ref), f.id])),
    measureIds: new Map(plan?.measures.map((m) => [key(m.ref), m.id])),
    lastPeriodEnd: utcDay(today()),
  };
}
