/**
 * The header rules that the browser tests (e2e/security-headers.spec.ts) cannot reach on the
 * plain-HTTP test rig: HTTPS-only settings, development's allowances, and the proxy handing
 * Next the same policy it sends.
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { newNonce, pageContentSecurityPolicy, servedOverHttps, staticFileRules, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers.js";

describe("servedOverHttps (Strict-Transport-Security, upgrade-insecure-requests)", () => {
  it.each([
    ["production", "https://headway.example.gov.uk", true],
    ["production", "http://headway.internal", false],
    ["production", undefined, false],
    ["development", "https://headway.example.gov.uk", false],
    ["test", "https://headway.example.gov.uk", false],
  ])("NODE_ENV=%s NEXTAUTH_URL=%s: %s", (NODE_ENV, NEXTAUTH_URL, want) => expect(servedOverHttps({ NODE_ENV, NEXTAUTH_URL })).toBe(want));
});

describe("pageContentSecurityPolicy", () => {
  const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

  it("in production: scripts and styles by nonce only, no eval", () => {
    const p = directives(pageContentSecurityPolicy({ nonce: "abc", dev: false, https: false }));
    expect(p["script-src"]).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(p["style-src"]).toBe("'self' 'nonce-abc'");
    expect(p).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("over HTTPS: every request upgraded", () => {
    expect(pageContentSecurityPolicy({ nonce: "abc", dev: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it("in development only: eval for React's error overlay, inline styles for Next's style injection", () => {
    const p = directives(pageContentSecurityPolicy({ nonce: "abc", dev: true, https: false }));
    expect(p["script-src"]).toBe("'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(p["style-src"]).toBe("'self' 'unsafe-inline'");
  });

  it("never allows inline script without the nonce", () => {
    for (const dev of [true, false]) expect(directives(pageContentSecurityPolicy({ nonce: "n", dev, https: false }))["script-src"]).not.toContain("unsafe-inline");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("proxy", () => {
  it("sends the page's policy and gives Next the same one, nonce and all, with a new nonce per request", async () => {
    const policies = [];
    for (let i = 0; i < 2; i++) {
      const res = await proxy(new NextRequest("http://headway.test/local-areas/northbridge?tab=1"));
      const sent = res.headers.get("content-security-policy");
      // NextResponse.next({ request: { headers } }) passes the request's new headers on like this.
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(sent);
      expect(res.headers.get("x-middleware-request-x-headway-path")).toBe("/local-areas/northbridge?tab=1");
      expect(res.headers.get("strict-transport-security")).toBeNull(); // not production
      policies.push(sent);
    }
    expect(policies[0]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(policies[0]).not.toBe(policies[1]);
  });
});

describe("Next's own files (next.config.js headers, fixed at build)", () => {
  it("carry HSTS when built for https in production, and not otherwise", () => {
    expect(staticFileRules({ NODE_ENV: "production", NEXTAUTH_URL: "https://headway.example.gov.uk" })).toEqual([
      { source: "/_next/:path*", headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] },
    ]);
    expect(staticFileRules({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" })).toEqual([]);
    expect(staticFileRules({ NODE_ENV: "development", NEXTAUTH_URL: "https://headway.example.gov.uk" })).toEqual([]);
  });
});
