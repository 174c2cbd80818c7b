/**
 * Signing in as the app's users do with a password (next-auth's credentials provider "password",
 * server/auth/providers.ts): fetch a CSRF token, post the form to its callback, keep the cookies.
 */

/** Cookies as a browser keeps them for one site: the latest value of each name. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type Visitor = { name: string; email: string | null; cookie: string };

export async function signIn(baseUrl: string, email: string, password: string): Promise<Visitor> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  jar.take(res);
  await res.arrayBuffer();
  if (!jar.has("next-auth.session-token")) throw new Error(`Signing in as ${email} did not work (HTTP ${res.status}): is the demo seed loaded?`);

  // The session the app sees, to be sure it is who we think.
  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: jar.header() } });
  const body = (await session.json()) as { user?: { email?: string } };
  if (body.user?.email?.toLowerCase() !== email.toLowerCase()) throw new Error(`Signed in as ${email}, but the session names ${body.user?.email ?? "nobody"}.`);
  return { name: email, email, cookie: jar.header() };
}

export const anonymous: Visitor = { name: "anonymous", email: null, cookie: "" };
