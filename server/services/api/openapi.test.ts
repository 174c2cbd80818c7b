/**
 * The API's description: the OpenAPI document is valid OpenAPI 3.1 (checked against the
 * specification's own JSON Schema), describes every operation the route files serve, with the
 * schemas the handlers use; the reference page is made from it, needs nothing from elsewhere and
 * runs no script.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { docsPage, docsRoute, openApiRoute } from "@/server/services/api/docs-page";
import { openApiDocument } from "@/server/services/api/openapi";
import { PROBLEMS } from "@/server/services/api/problem";
import { API_DOCS_CSP } from "@/server/security-headers.js";

const doc = () => JSON.parse(JSON.stringify(openApiDocument())) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; security?: Record<string, string[]>[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(doc());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is found invalid by the same check when broken, so the check above means something", async () => {
    const broken = doc() as unknown as { paths: Record<string, Record<string, { responses: unknown }>> };
    broken.paths["/api/v1/areas/{slug}/plan"]!.get!.responses = "none";
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes every operation under app/api/v1, each API operation with its scope and its problems", () => {
    const root = path.resolve(import.meta.dirname, "../../../app/api/v1");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts");
    const served = files.map((f) => `/api/v1/${path.dirname(f).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}")).sort();
    expect(Object.keys(doc().paths).sort()).toEqual(served);
    for (const [p, item] of Object.entries(doc().paths)) {
      for (const op of Object.values(item)) {
        if (p.endsWith("openapi.json")) continue;
        expect(Object.values(op.security![0]!)[0], `${p} names its scope`).toHaveLength(1);
        for (const status of ["200", "401", "403", "404", "429"]) expect(Object.keys(op.responses), `${p} ${status}`).toContain(status);
      }
    }
  });

  it("is served as JSON to anyone", async () => {
    const response = await openApiRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});

describe("the reference page", () => {
  it("shows every operation, schema and problem type, with examples, from the document", () => {
    const html = docsPage("https://headway.example.gov.uk");
    for (const item of Object.values(doc().paths)) for (const op of Object.values(item)) expect(html).toContain(`id="op-${op.operationId}"`);
    for (const name of Object.keys(doc().components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    for (const type of Object.keys(PROBLEMS)) expect(html).toContain(`id="problem-${type}"`);
    expect(html).toContain("curl -X POST &quot;https://headway.example.gov.uk/api/v1/areas/northbridge/measure-values?dryRun=true&quot;");
    // Every link on the page goes to one of its own headings, or to Headway.
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, href] of html.matchAll(/ href="([^"]+)"/g)) {
      if (href!.startsWith("#")) expect(ids.has(href!.slice(1)), href).toBe(true);
      else expect(href).toMatch(/^\/(api\/v1\/openapi\.json)?$/);
    }
  });

  it("has no script, loads nothing from elsewhere and allows only inline styles", async () => {
    const response = await docsRoute(new Request("http://headway.test/api/docs"));
    const html = await response.text();
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/(?!headway\.test)/i);
    expect(response.headers.get("content-security-policy")).toBe(API_DOCS_CSP);
    expect(API_DOCS_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
  });
});
