/**
 * A signed-in visitor for the fault run (scripts/faults.mjs): password sign-in as the browser does
 * it (next-auth's CSRF token, then the credentials callback), page reads, and tRPC calls in the
 * format the app's own client sends (httpBatchLink with superjson).
 */
import superjson from "superjson";

/** Words the 503 page and the error pages show (server/resilience/unavailable-wording.ts). */
export const UNAVAILABLE_TITLE = "Headway is unavailable for a moment";
const UNAVAILABLE_DIGEST = "HEADWAY_DATABASE_UNAVAILABLE";
const FAULT_PAGE = "Sorry, there is a problem with the service";
const REQUEST_TIMEOUT_MS = 10_000;

export class Visitor {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
  }

  async fetch(path, init = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  async signIn(email, password) {
    const { csrfToken } = await (await this.fetch("/api/auth/csrf")).json();
    const response = await this.fetch("/api/auth/callback/password", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${this.baseUrl}/my-work`, json: "true" }),
    });
    const session = await (await this.fetch("/api/auth/session")).json();
    if (session?.user?.email !== email) throw new Error(`signing in as ${email} failed (callback answered ${response.status})`);
  }

  /** A tRPC query, as httpBatchLink sends one. */
  async query(procedure, input) {
    const encoded = encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }));
    const response = await this.fetch(`/api/trpc/${procedure}?batch=1&input=${encoded}`);
    return trpcOutcome(response);
  }

  /** A tRPC mutation, as httpBatchLink sends one (POST, JSON body). */
  async mutate(procedure, input) {
    const response = await this.fetch(`/api/trpc/${procedure}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: superjson.serialize(input) }),
    });
    return trpcOutcome(response);
  }

  /** A page read: `ok` when it rendered, `unavailable` when it said the database is out of reach. */
  async page(path) {
    const response = await this.fetch(path, { headers: { accept: "text/html" } });
    const body = await response.text();
    const unavailable = body.includes(UNAVAILABLE_TITLE) || body.includes(UNAVAILABLE_DIGEST);
    const fault = body.includes(FAULT_PAGE);
    return { status: response.status, ok: response.status === 200 && !unavailable && !fault, unavailable, fault, retryAfter: response.headers.get("retry-after") };
  }
}

async function trpcOutcome(response) {
  const text = await response.text();
  let first;
  try {
    first = JSON.parse(text)[0];
  } catch {
    return { status: response.status, ok: false, code: null, message: text.slice(0, 200) };
  }
  if (first?.result) return { status: response.status, ok: response.status === 200, data: superjson.deserialize(first.result.data) };
  const error = first?.error?.json;
  return { status: response.status, ok: false, code: error?.data?.code ?? null, message: error?.message ?? null };
}
