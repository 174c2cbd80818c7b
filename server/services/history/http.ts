/**
 * GET /api/local-areas/<slug>/activity?person=&kind=&from=&to=: the area's activity as CSV, with
 * the activity page's filters (the same parsing, server/schemas/history.ts). Permission and
 * tenancy are the service's (activity.read, areaBySlug); the route file only binds it to the
 * session (server/api/route.ts). It reads only, so it records no audit event.
 */
import { fromDay } from "@/lib/calendar";
import { activityFiltersFrom } from "@/server/schemas/history";
import { escapeFormula } from "@/server/schemas/plan-workbook";
import { slug as slugSchema } from "@/server/schemas/common";
import { spreadsheetCsv } from "@/server/services/core/csv";
import { httpHandler, textResponse } from "@/server/services/core/http";
import { ACTIVITY_CSV_COLUMNS, activityRows } from "@/server/services/history/history";
import { today } from "@/server/services/core/today";

/** The activity as CSV, every cell's formula defused: people's words go into every column. */
export function activityCsv(lines: string[][]): string {
  return spreadsheetCsv([[...ACTIVITY_CSV_COLUMNS], ...lines].map((line) => line.map(escapeFormula)));
}

/** "northbridge-activity-2026-12-07.csv" */
export const activityFileName = (slug: string, on: Date) => `${slug}-activity-${fromDay(on)}.csv`;

export const activityCsvRoute = httpHandler<{ slug: string }>(
  { body: "text", signedOut: { status: 401, message: "Sign in to download the activity." }, name: "activity download" },
  async (request, ctx, { slug }) => {
    const area = slugSchema.safeParse(slug);
    // A malformed address names no area there is.
    if (!area.success) return textResponse(404, "That local area does not exist or you do not have access to it.");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { filters, errors } = activityFiltersFrom(query);
    const problem = Object.values(errors)[0];
    if (problem) return textResponse(400, problem);
    const { lines } = await activityRows(ctx, area.data, filters);
    return new Response(activityCsv(lines), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${activityFileName(area.data, today())}"`,
        // Internal comments and evidence titles, addresses: never kept by a shared cache.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
