/**
 * Strict-Transport-Security on route handlers' responses (proxy.ts gives it to pages only), in
 * production over HTTPS: the environment below is what the app reads when it starts there.
 */
import { describe, expect, it, vi } from "vitest";
import { STRICT_TRANSPORT_SECURITY } from "@/server/security-headers.js";

const production = vi.hoisted(() => ({ NODE_ENV: "production", NEXTAUTH_URL: "https://headway.example.gov.uk" }));
vi.mock("@/server/env.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/env.js")>();
  return { env: { ...actual.env, ...production } };
});

const { transportSecure, withTransportSecurity } = await import("@/server/transport-security");

describe("an API response in production", () => {
  it("from the tRPC route carries HSTS, refusals included", async () => {
    const route = await import("@/app/api/trpc/[trpc]/route");
    const res = await route.POST(
      new Request("https://headway.example.gov.uk/api/trpc/notification.savePreferences", { method: "POST", body: "{}", headers: { "content-type": "text/plain" } }),
    );
    expect(res.status).toBe(415);
    expect(res.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("from a file route's wrapper carries HSTS, even on a response whose headers cannot change (a redirect)", async () => {
    const download = transportSecure(async () => new Response("file", { headers: { "Content-Type": "application/pdf" } }));
    expect((await download()).headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
    const redirect = transportSecure(() => Response.redirect("https://headway.example.gov.uk/signin", 303));
    const res = await redirect();
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://headway.example.gov.uk/signin");
    expect(res.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("is left off outside production, or over plain HTTP", () => {
    expect(withTransportSecurity(new Response("x"), { NODE_ENV: "development", NEXTAUTH_URL: "https://headway.example.gov.uk" }).headers.get("strict-transport-security")).toBeNull();
    expect(withTransportSecurity(new Response("x"), { NODE_ENV: "production", NEXTAUTH_URL: "http://headway.internal" }).headers.get("strict-transport-security")).toBeNull();
  });
});
