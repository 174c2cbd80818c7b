/**
 * What a person is told when Headway cannot reach its database: the same words on the 503 page the
 * proxy answers with (server/resilience/database-gate.ts) and on the error pages a page render ends
 * in (app/error.tsx, app/global-error.tsx). No server imports: the error pages run in the browser.
 */

/**
 * Set as the `digest` of an error thrown because the database is out of reach. Next passes a
 * server error's digest to the error page (and nothing else of it), so this is how the page tells
 * an outage from a fault.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "HEADWAY_DATABASE_UNAVAILABLE";

export const UNAVAILABLE = {
  title: "Headway is unavailable for a moment",
  reason: "Headway cannot reach its database just now. Your last saved changes are safe.",
  pending: "A change you were saving when this message appeared may not have been saved: check it when Headway is back.",
  retry: "Try again in a minute.",
  /** For tRPC and downloads, where there is no page: one sentence a form can show. */
  short: "Headway cannot reach its database just now, so nothing was saved. Your last saved changes are safe. Try again in a minute.",
} as const;

/** Seconds a client is asked to wait before trying again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 30;
