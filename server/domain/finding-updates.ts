/**
 * A finding's check-ins at a glance, for the area home's list of findings: when an owner last
 * posted an update on any of its actions, and how many of its actions are overdue for one
 * (update-overdue.ts decides that per action). Finished actions need no updates, so they count
 * neither as expecting one nor as overdue, but their last update still dates the finding's.
 */
export type FindingUpdates = {
  /** The latest check-in on any of the finding's actions; null before the first. */
  latestAt: Date | null;
  /** Actions still being delivered, which the plan's cadence asks an update of. */
  expected: number;
  /** Of those, the ones past the day their next update was due. */
  overdue: number;
};

type ActionUpdates = { lastUpdateAt: Date | null; update: { overdue: boolean; nextUpdateDue: Date | null } };

export function findingUpdates(actions: ReadonlyArray<ActionUpdates>): FindingUpdates {
  let latestAt: Date | null = null;
  let expected = 0;
  let overdue = 0;
  for (const a of actions) {
    if (a.lastUpdateAt && (latestAt === null || a.lastUpdateAt > latestAt)) latestAt = a.lastUpdateAt;
    if (a.update.nextUpdateDue !== null) expected += 1;
    if (a.update.overdue) overdue += 1;
  }
  return { latestAt, expected, overdue };
}
