/**
 * The largest figure of a measure (a value, target or baseline), either side of zero: far beyond
 * any count, percentage or sum of money a plan reports, and well inside what PostgreSQL's double
 * precision holds (a double at its own limit does not survive the trip to the database as text).
 */
export const MAX_FIGURE = 1e15;
