/** The benchmark's own parts that need no server: arguments, statistics, requests, the build's JS, the report. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createTRPCUntypedClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/api/root";
import type { Endpoint } from "./endpoints";
import { firstLoadJs, routeOf, scriptsInHtml } from "./first-load-js";
import { mix } from "./load";
import { summariseSql } from "./measure";
import { databaseForSize, parseBenchArgs, UsageError } from "./options";
import { runs, verdictsFor, type BenchReport } from "./report";
import { percentile, summarise } from "./stats";
import { trpcMutation, trpcQuery, trpcResult } from "./trpc";

describe("arguments", () => {
  it("defaults to sizes 10 and 153 on the local headway_bench", () => {
    const o = parseBenchArgs([], {});
    expect(o).toMatchObject({ databaseUrl: "postgresql://postgres@127.0.0.1:5432/headway_bench", sizes: [10, 153], requests: 100, duration: 60, connections: 50 });
    expect(databaseForSize(o.databaseUrl, 153)).toBe("postgresql://postgres@127.0.0.1:5432/headway_bench_153");
  });

  it("refuses a database on another machine, and wrong numbers", () => {
    expect(() => parseBenchArgs([], { DATABASE_URL: "postgresql://postgres@db.example.org:5432/headway" })).toThrow(UsageError);
    expect(() => parseBenchArgs([], { DATABASE_URL: "mysql://127.0.0.1/headway" })).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sizes", "10,ten"], {})).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sizes", "10,10"], {})).toThrow(UsageError);
    expect(() => parseBenchArgs(["--duration", "0"], {})).toThrow(UsageError);
    expect(() => parseBenchArgs(["--ports", "80"], {})).toThrow(UsageError);
    expect(() => parseBenchArgs(["--skip-seed", "--sizes", "10"], {})).toThrow(UsageError);
    expect(() => parseBenchArgs(["--bogus"], {})).toThrow(UsageError);
  });

  it("measures the database as it is with --skip-seed, sizes in order", () => {
    expect(parseBenchArgs(["--skip-seed"], { DATABASE_URL: "postgresql://postgres@localhost/hw_x" }).sizes).toEqual([]);
    expect(parseBenchArgs(["--sizes", "153,10", "--ports", "3200-3201"], {})).toMatchObject({ sizes: [10, 153], ports: { from: 3200, to: 3201 } });
  });

  it("runs one section alone with --only, with its own report file", () => {
    expect(parseBenchArgs([], {})).toMatchObject({ only: null, apiValues: 10_000, apiBatch: 500, out: ".data/bench/latest.json" });
    expect(parseBenchArgs(["--only", "api-values", "--values", "2000", "--batch", "250"], {})).toMatchObject({
      only: "api-values",
      apiValues: 2000,
      apiBatch: 250,
      out: ".data/bench/api-values.json",
    });
    expect(() => parseBenchArgs(["--only", "pages"], {})).toThrow(UsageError);
    expect(() => parseBenchArgs(["--only", "api-values", "--batch", "1001"], {})).toThrow(UsageError);
  });
});

describe("statistics", () => {
  it("takes percentiles by nearest rank", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(summarise([30, 10, 20, 40])).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, mean: 25, min: 10, max: 40 });
  });
});

describe("tRPC requests", () => {
  /** What the app's browser client (httpBatchLink with superjson) actually sends. */
  async function sentByTheRealClient(call: (client: ReturnType<typeof createTRPCUntypedClient<AppRouter>>) => Promise<unknown>) {
    let sent: { url: string; method: string; headers: Record<string, string>; body?: string } | undefined;
    const client = createTRPCUntypedClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          fetch: async (url, init) => {
            sent = { url: String(url), method: init?.method ?? "GET", headers: { ...(init?.headers as Record<string, string>) }, body: init?.body as string | undefined };
            return new Response(JSON.stringify([{ result: { data: superjson.serialize({ id: "u1", at: new Date(0) }) } }]), {
              headers: { "content-type": "application/json" },
            });
          },
        }),
      ],
    });
    const result = await call(client);
    return { sent: sent!, result };
  }

  it("sends a mutation and a query exactly as the app's client does", async () => {
    const input = { actionId: "a1", narrative: "Done.", progress: 40, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" };
    const real = await sentByTheRealClient((c) => c.mutation("action.postUpdate", input));
    const mine = trpcMutation("action.postUpdate", input);
    expect({ url: mine.path, method: mine.method, headers: mine.headers, body: mine.body }).toEqual(real.sent);

    const query = { sort: "area", when: new Date(0) };
    const realQuery = await sentByTheRealClient((c) => c.query("national.overview", query));
    expect(trpcQuery("national.overview", query).path).toBe(realQuery.sent.url);
    expect(realQuery.sent.method).toBe("GET");
  });

  it("reads the answer as the client does, and says what an error was", async () => {
    const answer = JSON.stringify([{ result: { data: superjson.serialize({ id: "u1", at: new Date(0) }) } }]);
    expect(trpcResult(answer)).toEqual({ id: "u1", at: new Date(0) });
    expect(() => trpcResult(JSON.stringify([{ error: { json: { message: "Only the action's owner" } } }]))).toThrow("Only the action's owner");
  });
});

describe("first-load JavaScript", () => {
  it("names routes as addresses, without route groups", () => {
    expect(routeOf("/(app)/local-areas/[slug]/page")).toBe("/local-areas/[slug]");
    expect(routeOf("/page")).toBe("/");
  });

  it("adds up each route's runtime and entry chunks, gzipped, each file once", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-next-"));
    try {
      const chunk = (name: string, text: string) => {
        writeFileSync(path.join(dir, "static", "chunks", name), text);
        return gzipSync(text).length;
      };
      mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
      mkdirSync(path.join(dir, "server", "app", "(app)", "national"), { recursive: true });
      const sizes = { runtime: chunk("runtime.js", "r".repeat(5000)), layout: chunk("layout.js", "console.log('layout');"), page: chunk("page.js", "x=1") };
      writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/runtime.js"], polyfillFiles: ["static/chunks/poly.js"] }));
      const manifest = {
        entryJSFiles: {
          "[project]/app/layout": ["static/chunks/layout.js"],
          "[project]/app/(app)/national/page": ["static/chunks/layout.js", "static/chunks/page.js"],
        },
      };
      writeFileSync(
        path.join(dir, "server", "app", "(app)", "national", "page_client-reference-manifest.js"),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(app)/national/page"] = ${JSON.stringify(manifest)};`,
      );
      expect(firstLoadJs(dir)).toEqual([
        { route: "/national", files: ["static/chunks/layout.js", "static/chunks/page.js", "static/chunks/runtime.js"], gzipBytes: sizes.runtime + sizes.layout + sizes.page },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the chunks a page loads from its HTML and RSC payload, not the nomodule polyfill", () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/poly.js" noModule=""></script>' +
      '<script>self.__next_f.push([1,"2:I[1,[\\"static/chunks/b-1.js\\",\\"static/chunks/a.js\\"]]"])</script>';
    expect(scriptsInHtml(html)).toEqual(["static/chunks/a.js", "static/chunks/b-1.js"]);
  });
});

describe("the report", () => {
  it("summarises statements and their runs", () => {
    expect(summariseSql('SELECT "public"."User"."id" FROM "public"."User" WHERE ("public"."User"."id" = $1) LIMIT $2')).toBe("SELECT User");
    expect(summariseSql('INSERT INTO "public"."ActionUpdate" ("id") VALUES ($1)')).toBe("INSERT ActionUpdate");
    expect(summariseSql('UPDATE "public"."Action" SET "progress" = $1')).toBe("UPDATE Action");
    expect(summariseSql("COMMIT")).toBe("COMMIT");
    expect(runs(["SELECT User", "SELECT Action", "SELECT Action", "SELECT User"])).toBe("SELECT User, SELECT Action x2, SELECT User");
  });

  it("sends a check-in once in every round of the mix", () => {
    const e = (key: Endpoint["key"]) => ({ key }) as Endpoint;
    const pages = [e("national"), e("areaHome"), e("publicPage")];
    expect(mix(pages, e("actionUpdate"), 5).map((x) => x.key)).toEqual(["national", "areaHome", "publicPage", "national", "actionUpdate"]);
  });

  it("holds query counts to equal at every size and at most five per page", () => {
    const q = (kind: "page" | "mutation", queries: number[]) => ({ key: "areaHome" as const, label: "Area home", kind, queries: Math.max(...queries), samples: queries, statements: [] });
    const timing = { key: "national" as const, label: "x", count: 1, p50: 1, p95: 1, p99: 1, mean: 1, min: 1, max: 1 };
    const base = {
      sizes: [] as BenchReport["sizes"],
      timings: { areaCount: 155, endpoints: (["national", "areaHome", "finding", "actionList", "publicPage", "actionUpdate"] as const).map((key) => ({ ...timing, key })) },
      sqlFloor: { summary: { count: 1, p50: 1, p95: 1, p99: 1, mean: 1, min: 1, max: 1 }, ratioP50: 1, ratioP95: 1, matchesApp: true, differences: [] },
      load: null,
      firstLoadJs: { routes: [], max: { route: "/", gzipBytes: 100_000 }, checkedAgainstHtml: [] },
    } as unknown as Omit<BenchReport, "verdicts">;
    const size = (areaCount: number, queries: number[]) => ({ areas: areaCount, areaCount, database: "", generated: false, earlierBenchCheckIns: 0, queries: [q("page", queries)] });
    const verdict = (sizes: BenchReport["sizes"]) => verdictsFor({ ...base, sizes }).find((v) => v.figure === "Queries: Area home")!;
    expect(verdict([size(12, [4, 4, 4]), size(155, [4, 4, 4])]).pass).toBe(true);
    expect(verdict([size(12, [4, 4, 4]), size(155, [5, 5, 5])]).pass).toBe(false); // grows with the data
    expect(verdict([size(12, [6, 6, 6]), size(155, [6, 6, 6])]).pass).toBe(false); // over five
    expect(verdict([size(12, [4, 4, 4]), size(155, [4, 3, 4])]).measured).toContain("varied");
  });
});

describe("the load test", () => {
  it("mixes the requests and counts wrong pages, error statuses and times", async () => {
    const { createServer } = await import("node:http");
    const { runLoad } = await import("./load");
    const server = createServer((req, res) => {
      if (req.method === "POST") return void res.writeHead(500).end("no");
      res.writeHead(200, { "content-type": "text/html" }).end(req.url === "/right" ? "<h1>Right</h1>" : "<h1>Sign in</h1>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const page = (key: Endpoint["key"], path: string): Endpoint => ({
        key,
        label: key,
        visitor: { name: "anonymous", email: null, cookie: "" },
        kind: "page",
        next: () => ({ method: "GET", path, headers: {} }),
        check: (status, body) => {
          if (status !== 200 || !body.includes("Right")) throw new Error(`${key}: not the page`);
        },
      });
      const update: Endpoint = {
        ...page("actionUpdate", "/"),
        kind: "mutation",
        next: () => ({ method: "POST", path: "/api/trpc/action.postUpdate?batch=1", headers: { "content-type": "application/json" }, body: "{}" }),
        check: (status) => {
          if (status !== 200) throw new Error(`HTTP ${status}`);
        },
      };
      const r = await runLoad(`http://127.0.0.1:${port}`, [page("national", "/right"), page("areaHome", "/wrong"), update], { connections: 2, duration: 1, updateEvery: 3 });
      const by = Object.fromEntries(r.byEndpoint.map((e) => [e.key, e]));
      expect(r.requests).toBeGreaterThan(10);
      expect(by.national!.errors).toBe(0);
      expect(by.areaHome!.errors).toBe(by.areaHome!.requests);
      expect(by.actionUpdate!.errors).toBe(by.actionUpdate!.requests);
      expect(r.errors).toMatchObject({ wrongAnswer: by.areaHome!.requests, non2xx: by.actionUpdate!.requests, timeouts: 0 });
      expect(r.errors.total).toBe(by.areaHome!.requests + by.actionUpdate!.requests);
      expect(r.byEndpoint.reduce((n, e) => n + e.requests, 0)).toBe(r.requests);
      expect(r.latency.count).toBe(r.requests);
      expect(by.national!.latency?.count).toBe(by.national!.requests);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
