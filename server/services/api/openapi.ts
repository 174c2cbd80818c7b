/**
 * The API's OpenAPI 3.1 document, generated (zod-openapi) from the zod schemas the handlers check
 * requests with and type their answers by (server/schemas/api.ts, server/schemas/plan-json.ts),
 * so the document cannot describe a body the API does not take. Served at /api/v1/openapi.json,
 * and read by the reference page (/api/docs, docs-page.ts).
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponseObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { z } from "zod";
import {
  areaParams,
  dryRunQuery,
  MAX_VALUES_BODY_BYTES,
  MAX_VALUES_PER_REQUEST,
  measureParams,
  measureView,
  planView,
  problemSchema,
  pushValuesResult,
  pushValuesSchema,
} from "@/server/schemas/api";
import { API_SCOPES, type ApiScopeName } from "@/server/schemas/api-token";
import { planJsonSchema } from "@/server/schemas/plan-json";
import { API_RATE_LIMIT } from "@/server/services/api/http";
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemType } from "@/server/services/api/problem";

export const API_VERSION = "1.0.0";

const HEADERS: Partial<Record<ProblemType, ZodOpenApiResponseObject["headers"]>> = {
  unauthorized: { "WWW-Authenticate": { description: 'Bearer realm="Headway API" (with error="invalid_token" when a token was sent).', schema: { type: "string" } } },
  "rate-limited": { "Retry-After": { description: "Seconds to wait before sending the request again.", schema: { type: "integer" } } },
  unavailable: { "Retry-After": { description: "Seconds to wait before sending the request again.", schema: { type: "integer" } } },
};

const problem = (type: ProblemType): ZodOpenApiResponseObject => ({
  description: PROBLEMS[type].about,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
  ...(HEADERS[type] ? { headers: HEADERS[type] } : {}),
});

/** The answers every token operation may give besides its own. */
const TOKEN_PROBLEMS: ZodOpenApiResponsesObject = {
  "401": problem("unauthorized"),
  "403": problem("forbidden"),
  "404": problem("not-found"),
  "429": problem("rate-limited"),
  "500": problem("server-error"),
  "503": problem("unavailable"),
};

function tokenOperation(scope: ApiScopeName, op: Omit<ZodOpenApiOperationObject, "security">): ZodOpenApiOperationObject {
  return {
    ...op,
    description: `${op.description ?? ""}\n\nNeeds a token with the scope \`${scope}\` (${API_SCOPES[scope].label.toLowerCase()}).`.trim(),
    security: [{ bearerToken: [scope] }],
    "x-scopes": [scope],
    responses: { ...op.responses, ...TOKEN_PROBLEMS },
  };
}

const json = <T extends z.ZodType>(schema: T, example?: unknown) => ({ "application/json": { schema, ...(example === undefined ? {} : { example }) } });

const DESCRIPTION = `Headway's HTTP API: read a local area's plan and measures, and send measure values, from the area's own systems, without retyping.

**Tokens.** Every request but this document carries an API token: \`Authorization: Bearer hw_…\`. A plan lead makes tokens for their area (an administrator for any area) on the area's API tokens page, naming what each may do (its scopes: ${Object.entries(
  API_SCOPES,
)
  .map(([name, s]) => `\`${name}\` ${s.label.toLowerCase()}`)
  .join(", ")}) and its last day, at most a year ahead. The token is shown once; Headway keeps only a hash of it. A token reads and writes its own area only: any other area answers 404, as an area that does not exist. It acts as the plan lead would, as the person who made it: what it changes is recorded in the area's history under their name and the token's. It stops working when revoked, after its last day, and when the person who made it is no longer the area's plan lead or an administrator.

**Errors** are problem details (RFC 9457, \`${PROBLEM_CONTENT_TYPE}\`): \`type\`, \`title\`, \`status\`, \`detail\` and \`instance\` (the request's id), and \`errors\` with a JSON Pointer into the body for each field refused.

**Limits.** ${API_RATE_LIMIT.max} requests a minute per token (then 429 with Retry-After); at most ${MAX_VALUES_PER_REQUEST} values and ${MAX_VALUES_BODY_BYTES / 1024} KB in one request.`;

let cached: ReturnType<typeof createDocument> | undefined;

/** The document; built once per process (it depends on nothing but the code). */
export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: { title: "Headway API", version: API_VERSION, description: DESCRIPTION },
    servers: [{ url: "/", description: "This Headway" }],
    tags: [
      { name: "Plan", description: "The area's current plan." },
      { name: "Measures", description: "Measures and their values." },
      { name: "Document", description: "This description of the API." },
    ],
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token (hw_ and 43 more characters), made by a plan lead on the area's API tokens page.",
        },
      },
    },
    paths: {
      "/api/v1/areas/{slug}/plan": {
        get: tokenOperation("plan:read", {
          operationId: "getPlan",
          tags: ["Plan"],
          summary: "The plan, with its findings, actions and measures",
          description:
            "The area's current plan as its pages show it: each finding's delivery and impact, each action with its RAG, each measure with its latest value and its status against the trajectory.",
          requestParams: { path: areaParams },
          responses: { "200": { description: "The plan (plan is null when the area has no current plan).", content: json(planView) } },
        }),
      },
      "/api/v1/areas/{slug}/plan.json": {
        get: tokenOperation("plan:read", {
          operationId: "getPlanJson",
          tags: ["Plan"],
          summary: "The whole plan as JSON, to keep or import again",
          description:
            "Everything the plan workbook holds (the Plan, Findings, Actions, Measures, Milestones and Values sheets), one array per sheet and one key per column. Import the file on the plan's import page (a .json file) and nothing changes; edit it and the import shows what would change before anything does.",
          requestParams: { path: areaParams },
          responses: {
            "200": {
              description: "The plan as plan.json.",
              content: json(planJsonSchema, {
                format: "headway-plan",
                version: 1,
                exportedAt: "2026-11-22T09:30:00.000Z",
                findings: [{ ref: "1", kind: "SIGNIFICANT_WEAKNESS", inspectorsWording: "Families wait too long for EHC plans.", summary: null, judgement: null, judgementDate: null, letterUrl: null }],
                values: [{ measureRef: "M1", periodEnd: "2026-10-31", value: 47.5, status: "PROVISIONAL" }],
              }),
            },
          },
        }),
      },
      "/api/v1/areas/{slug}/measures/{measure}": {
        get: tokenOperation("measures:read", {
          operationId: "getMeasure",
          tags: ["Measures"],
          summary: "A measure with all its values",
          description: "The measure's definition, trajectory (baseline, milestones, target), plausible range, status, and every value, newest period first.",
          requestParams: { path: measureParams },
          responses: { "200": { description: "The measure.", content: json(measureView) } },
        }),
      },
      "/api/v1/areas/{slug}/measure-values": {
        post: tokenOperation("values:write", {
          operationId: "pushMeasureValues",
          tags: ["Measures"],
          summary: "Send measure values, many at once",
          description: `Values for any of the current plan's measures, by the rules of the value form: a period that has ended, and a figure the measure can take by its unit and its plausible range. A value for a period already recorded with the same figure changes nothing (send a batch twice and the second changes nothing); with a different figure it replaces the recorded one only when the request says \`"replace": true\` and gives a \`reason\`, which each value's history keeps with the figures before and after. All or nothing: one value refused refuses the request, every problem listed in \`errors\`. With \`?dryRun=true\`, everything is checked and the answer says what would happen, and nothing is written. At most ${MAX_VALUES_PER_REQUEST} values a request.`,
          requestParams: { path: areaParams, query: dryRunQuery },
          requestBody: { required: true, content: { "application/json": { schema: pushValuesSchema } } },
          responses: {
            "200": {
              description: "Written (or, in a dry run, what would be written), each value's outcome in the order sent.",
              content: json(pushValuesResult, {
                dryRun: false,
                created: 1,
                replaced: 0,
                updated: 1,
                unchanged: 0,
                values: [
                  { measure: { id: "cm3k0m1", ref: "M1" }, periodEnd: "2026-10-31", value: 47.5, outcome: "created", before: null },
                  { measure: { id: "cm3k0m2", ref: "M2" }, periodEnd: "2026-10-31", value: 112, outcome: "updated", before: null },
                ],
              }),
            },
            "400": problem("bad-request"),
            "409": problem("conflict"),
            "413": problem("payload-too-large"),
            "415": problem("unsupported-media-type"),
            "422": problem("validation"),
          },
        }),
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["Document"],
          summary: "This document",
          description: "The API's OpenAPI 3.1 document. No token needed.",
          security: [],
          responses: { "200": { description: "The document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
  });
  return cached;
}
