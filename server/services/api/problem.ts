/**
 * The API's errors as RFC 9457 problem details (application/problem+json): `type` names the kind
 * of problem (a link into the reference page, /api/docs, where each is described), `title` says
 * it in a few words, the same for every occurrence, `detail` says what went wrong this time,
 * `status` repeats the HTTP status and `instance` is this occurrence (the request's id, which its
 * audit events carry too). A refusal of fields in the body lists them in `errors`, each with a
 * JSON Pointer into the body and a sentence.
 */

/** Each kind of problem the API answers with, by the slug of its `type`. */
export const PROBLEMS = {
  unauthorized: { status: 401, title: "A valid API token is needed", about: "The request has no Authorization: Bearer token, or the token is unknown, revoked, past its last day or no longer backed by a plan lead or an administrator." },
  forbidden: { status: 403, title: "The token may not do that", about: "The token is valid but lacks the scope the operation needs (the detail names it)." },
  "not-found": { status: 404, title: "Not found", about: "There is no such area, measure or page for this token. A token for one area finds nothing in another: every other area answers as if it did not exist." },
  "bad-request": { status: 400, title: "The request cannot be read", about: "The body is not JSON, or a query parameter has a value the operation does not take." },
  "unsupported-media-type": { status: 415, title: "Send JSON", about: "A body must be sent as application/json." },
  "payload-too-large": { status: 413, title: "The body is too large", about: "Send fewer values at once: the limit is in the operation's description." },
  validation: { status: 422, title: "The values were refused", about: "The body was read, but what it asks breaks a rule: each problem is in `errors`, with a JSON Pointer into the body. Nothing was written." },
  conflict: { status: 409, title: "The plan changed, or cannot change", about: "Someone changed the same records at the same moment, or the plan has ended (an ended plan's records are read-only). Nothing was written." },
  "rate-limited": { status: 429, title: "Too many requests for this token", about: "Wait the number of seconds in the Retry-After header, then send the request again." },
  unavailable: { status: 503, title: "Headway is unavailable for a moment", about: "The database cannot be reached. Nothing was written; try again after the seconds in Retry-After." },
  "server-error": { status: 500, title: "Something went wrong", about: "Nothing was written. Try again; if it keeps happening, tell the people who run Headway the request id in `instance`." },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

/** Where each problem type is described: the reference page, at the problem's heading. */
export const problemTypeUri = (type: ProblemType) => `/api/docs#problem-${type}`;

/** A field refused: where in the body (a JSON Pointer, RFC 6901) and why. */
export type FieldProblem = { pointer: string; detail: string };

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** "/values/3/periodEnd" for the path ["values", 3, "periodEnd"] (RFC 6901 escapes ~ and /). */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

export function problemResponse(
  type: ProblemType,
  detail: string,
  o: { requestId: string; errors?: FieldProblem[]; headers?: Record<string, string>; extensions?: Record<string, unknown> },
): Response {
  const { status, title } = PROBLEMS[type];
  const body: ProblemBody = {
    type: problemTypeUri(type),
    title,
    status,
    detail,
    instance: `urn:uuid:${o.requestId}`,
    ...(o.errors && o.errors.length > 0 ? { errors: o.errors } : {}),
    ...o.extensions,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...o.headers },
  });
}
