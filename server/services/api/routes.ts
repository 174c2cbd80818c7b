/**
 * The HTTP API's operations (/api/v1), each a handler written with apiHandler (http.ts) and bound
 * in app/api/v1/ in one line (server/api/api-route.ts). What each takes and answers is in
 * server/schemas/api.ts, and described for people at /api/docs (openapi.ts).
 */
import { dryRunQuery, MAX_VALUES_BODY_BYTES, measureParams, pushValuesSchema } from "@/server/schemas/api";
import { apiHandler, apiJson, readJson } from "@/server/services/api/http";
import { jsonPointer, problemResponse } from "@/server/services/api/problem";
import { measureForApi, planForApi, planJsonForApi } from "@/server/services/api/api-read";
import { pushValues, ValuesRefused } from "@/server/services/api/push-values";

type AreaParams = { slug: string };

/** GET /api/v1/areas/<slug>/plan */
export const planRoute = apiHandler<AreaParams>({ name: "plan", scope: "plan:read" }, async (_request, ctx, { slug }) =>
  apiJson(await planForApi(ctx, slug)),
);

/** GET /api/v1/areas/<slug>/plan.json */
export const planJsonRoute = apiHandler<AreaParams>({ name: "plan.json", scope: "plan:read" }, async (_request, ctx, { slug }) =>
  apiJson(await planJsonForApi(ctx, slug)),
);

/** GET /api/v1/areas/<slug>/measures/<ref or id> */
export const measureRoute = apiHandler<AreaParams & { measure: string }>({ name: "measure", scope: "measures:read" }, async (_request, ctx, params) => {
  const parsed = measureParams.safeParse(params);
  if (!parsed.success) return problemResponse("not-found", `There is no measure “${params.measure}” in ${ctx.area.name}.`, { requestId: ctx.requestId });
  return apiJson(await measureForApi(ctx, parsed.data.slug, parsed.data.measure));
});

/** POST /api/v1/areas/<slug>/measure-values[?dryRun=true] */
export const measureValuesRoute = apiHandler<AreaParams>({ name: "measure-values", scope: "values:write" }, async (request, ctx, { slug }) => {
  const { requestId } = ctx;
  const query = dryRunQuery.safeParse({ dryRun: new URL(request.url).searchParams.get("dryRun") ?? undefined });
  if (!query.success) return problemResponse("bad-request", "dryRun must be true or false.", { requestId });
  const read = await readJson(request, MAX_VALUES_BODY_BYTES, requestId);
  if ("refusal" in read) return read.refusal;
  const input = pushValuesSchema.safeParse(read.body);
  if (!input.success) {
    const errors = input.error.issues.slice(0, 200).map((i) => ({ pointer: jsonPointer(i.path), detail: i.message }));
    return problemResponse("validation", `The body was refused: ${errors.length === 1 ? "1 problem" : `${errors.length} problems`}. Nothing was written.`, { requestId, errors });
  }
  try {
    return apiJson(await pushValues(ctx, slug, input.data, { dryRun: query.data.dryRun === "true" }));
  } catch (error) {
    if (!(error instanceof ValuesRefused)) throw error;
    return problemResponse("validation", error.message, {
      requestId,
      errors: error.errors,
      extensions: error.replacements.length > 0 ? { replacements: error.replacements } : undefined,
    });
  }
});
