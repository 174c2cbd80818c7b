// @ts-check
/**
 * The background jobs' names: also the names of their pg-boss queues, which the database's owner
 * creates (scripts/database-roles.mjs) so that the application's role owns no table.
 */
export const JOB_NAMES = /** @type {const} */ (["reminders", "digest", "deliver-email", "retention"]);
