/**
 * The editors' half of change control: a direct save that would change a controlled field of an
 * accepted plan is refused beside that field, pointing at a change request instead. The rule is
 * server/domain/change-control.ts; this turns it into the refusal the forms show.
 */
import {
  acceptedPlanRefusal,
  changedControlledFields,
  CONTROLLED_FIELDS,
  isPlanAccepted,
  type ControlledEntity,
} from "@/server/domain/change-control";
import { AppError } from "@/server/errors";
import type { PlanStatus } from "@/server/generated/prisma/enums";

export function refuseControlledChanges(
  entity: ControlledEntity,
  plan: { status: PlanStatus; acceptedDate: Date | null },
  before: Partial<Record<string, unknown>>,
  after: Partial<Record<string, unknown>>,
) {
  if (!isPlanAccepted(plan)) return;
  const changed = changedControlledFields(entity, before, after);
  if (changed.length === 0) return;
  const fieldErrors = Object.fromEntries(changed.map((f) => [CONTROLLED_FIELDS[f].column, acceptedPlanRefusal(f)]));
  throw new AppError("INVALID", acceptedPlanRefusal(changed[0]!), { fieldErrors });
}
