/**
 * Action rules written as SQL conditions, for views that count them across many areas at
 * once (the national view): "delivery RAG shown is RED" and the shown RAG itself
 * (server/domain/delivery-rag.ts), and "update overdue" (server/domain/update-overdue.ts).
 *
 * Why a second copy: over 150 areas the pure rules would have to read every action (thousands
 * of rows) into the server to count a handful of numbers per area; in SQL the counts come back
 * with the area. The TypeScript rules stay the definition: action-health-sql.test.ts runs both on
 * the same table of cases, so a change to one without the other fails there.
 *
 * Both read whole UTC days, as the rules do: DATE columns as they are, timestamps by their
 * (UTC) day, and "today" as a DATE parameter.
 */
import { Prisma } from "@/server/generated/prisma/client";

/** The characters String.prototype.trim removes: an override whose reason is only these does not stand. */
const JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** "yyyy-mm-dd" of the UTC day `d` falls on, as a DATE parameter. */
export function sqlDay(d: Date): Prisma.Sql {
  return Prisma.sql`${d.toISOString().slice(0, 10)}::date`;
}

/**
 * True when the action's shown delivery RAG is RED. `action` and `plan` are the aliases of an
 * "Action" row and of a row carrying its plan's "ragAmberThreshold".
 */
export function isRedSql(action: string, plan: string, today: Prisma.Sql): Prisma.Sql {
  const a = (column: string) => Prisma.raw(`${action}."${column}"`);
  const amber = Prisma.raw(`${plan}."ragAmberThreshold"`);
  // Whole percent of the time from start to due that has passed, due day included.
  const expected = Prisma.sql`LEAST(100, round(((${today} - ${a("startDate")} + 1) * 100)::numeric / (${a("dueDate")} - ${a("startDate")} + 1)))`;
  return Prisma.sql`(
    ${a("status")} NOT IN ('COMPLETE', 'CANCELLED', 'DEFERRED') AND
    CASE WHEN ${a("ragOverride")} IS NOT NULL AND btrim(COALESCE(${a("ragOverrideReason")}, ''), ${JS_WHITESPACE}) <> ''
      THEN ${a("ragOverride")} = 'RED'
      ELSE ${a("dueDate")} IS NOT NULL AND (
        ${today} > ${a("dueDate")}
        OR (${a("startDate")} IS NOT NULL AND ${today} >= ${a("startDate")} AND ${expected} > 0
            -- below amber (so below green too: amber <= green)
            AND ${a("progress")} * 1000 < round((${amber} * 1000)::numeric) * ${expected})
      )
    END
  )`;
}

/**
 * True when the action's update is overdue. `plan` is the alias of a row carrying its plan's
 * "updateCadenceDays".
 */
export function isUpdateOverdueSql(action: string, plan: string, today: Prisma.Sql): Prisma.Sql {
  const a = (column: string) => Prisma.raw(`${action}."${column}"`);
  const cadence = Prisma.raw(`${plan}."updateCadenceDays"`);
  const since = Prisma.sql`COALESCE(${a("lastUpdateAt")}, CASE WHEN ${a("startDate")} > ${a("createdAt")} THEN ${a("startDate")} ELSE ${a("createdAt")} END)`;
  return Prisma.sql`(
    ${a("status")} NOT IN ('COMPLETE', 'CANCELLED', 'DEFERRED') AND ${today} - (${since})::date > ${cadence}
  )`;
}

/**
 * The action's shown delivery RAG as its code (COMPLETE, CANCELLED, DEFERRED, UNSCHEDULED, GREEN,
 * AMBER or RED), for counting an area's actions by RAG. `action` and `plan` are the aliases of an
 * "Action" row (or a row with its rule columns) and of a row carrying its plan's "ragGreenThreshold"
 * and "ragAmberThreshold". RED here is exactly isRedSql.
 */
export function deliveryRagSql(action: string, plan: string, today: Prisma.Sql): Prisma.Sql {
  const a = (column: string) => Prisma.raw(`${action}."${column}"`);
  const threshold = (column: string) => Prisma.raw(`${plan}."${column}"`);
  const expected = Prisma.sql`LEAST(100, round(((${today} - ${a("startDate")} + 1) * 100)::numeric / (${a("dueDate")} - ${a("startDate")} + 1)))`;
  const meets = (column: string) => Prisma.sql`${a("progress")} * 1000 >= round((${threshold(column)} * 1000)::numeric) * ${expected}`;
  return Prisma.sql`(CASE
    WHEN ${a("status")} = 'COMPLETE' THEN 'COMPLETE'
    WHEN ${a("status")} = 'CANCELLED' THEN 'CANCELLED'
    WHEN ${a("status")} = 'DEFERRED' THEN 'DEFERRED'
    WHEN ${a("ragOverride")} IS NOT NULL AND btrim(COALESCE(${a("ragOverrideReason")}, ''), ${JS_WHITESPACE}) <> '' THEN ${a("ragOverride")}::text
    WHEN ${a("dueDate")} IS NULL THEN 'UNSCHEDULED'
    WHEN ${today} > ${a("dueDate")} THEN 'RED'
    -- Before the start, without one, or before a whole percent of the time has passed: nothing expected yet.
    WHEN ${a("startDate")} IS NULL OR ${today} < ${a("startDate")} OR ${expected} = 0 THEN 'GREEN'
    WHEN ${meets("ragGreenThreshold")} THEN 'GREEN'
    WHEN ${meets("ragAmberThreshold")} THEN 'AMBER'
    ELSE 'RED'
  END)`;
}
