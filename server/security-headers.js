// @ts-check
/**
 * The browser's security headers, in one place. JavaScript (not TypeScript) because
 * next.config.js imports it as well as proxy.ts.
 *
 * - Every response (next.config.js `headers()`): no MIME sniffing, no framing, a referrer
 *   policy, no powerful browser features, a window of its own (COOP), resources for this site only (CORP).
 * - Pages (proxy.ts): a Content-Security-Policy with a fresh nonce per request, which Next reads
 *   from the request's header and puts on its own scripts. Every page is rendered per request
 *   already (the root layout reads the session), as nonces require.
 * - API routes and downloads: a CSP that allows nothing, since they are never pages; in
 *   production over HTTPS, Strict-Transport-Security from server/transport-security.ts (pages
 *   get it from proxy.ts).
 * - Pages opened from an update-request link carry their token in the address: no Referer at
 *   all, not even to this site (its logs, or a proxy's, would keep the token).
 */

/**
 * HTTPS-only settings (Strict-Transport-Security, upgrade-insecure-requests) when the site is
 * served over HTTPS in production. Read when the app starts, not at build, so one build can be
 * served over plain HTTP on a test machine and over HTTPS in production.
 * @param {{ NODE_ENV?: string; NEXTAUTH_URL?: string }} e
 */
export function servedOverHttps(e) {
  return e.NODE_ENV === "production" && (e.NEXTAUTH_URL ?? "").startsWith("https://");
}

/**
 * Next's own files (scripts, styles, fonts) pass neither proxy.ts nor a route handler; their
 * headers are fixed when the app is built (next.config.js), so a build for an https NEXTAUTH_URL
 * gives them HSTS as well, and every response of the site carries it.
 * @param {Record<string, string | undefined>} e
 */
export function staticFileRules(e) {
  return servedOverHttps(e) ? [{ source: "/_next/:path*", headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] }] : [];
}

/** Two years: browsers then never try plain HTTP for this host. Subdomains too; not preloaded
 * (adding the domain to browsers' preload list is its owner's decision). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** @type {{ key: string; value: string }[]} */
export const EVERY_RESPONSE = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors 'none' in the CSP says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/**
 * API routes and downloads (JSON, files, redirects): nothing in them may run, load or be framed,
 * and a file opened in the browser is sandboxed (an uploaded HTML or SVG file is no page of this
 * site). This replaces any policy a route sets itself, so it must be the strictest.
 */
export const NON_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/** next-auth's routes, the same but for its sign-out confirmation page, a form posting to itself. */
export const AUTH_ROUTE_CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The API's reference page (/api/docs): a page of its own made on the server, with no script at all
 * and nothing from elsewhere; only its own inline styles may apply (there is nothing on it that
 * anyone but Headway wrote).
 */
export const API_DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Update-request pages: the token in the address goes nowhere. */
export const TOKEN_PAGE_REFERRER_POLICY = "no-referrer";

/**
 * The policy for a page. Scripts: only those carrying this response's nonce (Next's own and
 * the chunks they load, through 'strict-dynamic'); never inline script without it, never eval
 * in production. Styles: only the stylesheets of this site and <style> elements with the nonce.
 * In development Next injects styles without a nonce and React uses eval for its error overlay.
 * @param {{ nonce: string; dev: boolean; https: boolean }} o
 */
export function pageContentSecurityPolicy({ nonce, dev, https }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A nonce: 128 random bits, base64. */
export function newNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
