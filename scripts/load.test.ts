/** The load test's own parts that need no server or database: arguments, who sends what, the report. */
import { describe, expect, it } from "vitest";
import { UsageError } from "./bench/options";
import {
  accountsFor,
  checkPage,
  errands,
  finalLine,
  loopbackOrigin,
  mix,
  parseLoadArgs,
  postableAsItStands,
  shares,
  summariseKinds,
  type Desk,
  type KnownAction,
  type Outcome,
} from "./load";

describe("arguments", () => {
  it("takes the usage's defaults and the database from DATABASE_URL", () => {
    expect(parseLoadArgs(["--url", "http://127.0.0.1:3000"], { DATABASE_URL: "postgresql://postgres@127.0.0.1/headway" })).toEqual({
      baseUrl: "http://127.0.0.1:3000",
      users: 10,
      requests: 300,
      timeoutSeconds: 120,
      databaseUrl: "postgresql://postgres@127.0.0.1/headway",
    });
  });

  it("prefers --database-url, and leaves the database unset when there is none", () => {
    const argv = ["--url", "http://localhost:3300/", "--users", "4", "--requests", "40", "--timeout", "30"];
    expect(parseLoadArgs([...argv, "--database-url", "postgresql://a@127.0.0.1/x"], { DATABASE_URL: "postgresql://b@127.0.0.1/y" })).toMatchObject({
      baseUrl: "http://localhost:3300",
      users: 4,
      requests: 40,
      timeoutSeconds: 30,
      databaseUrl: "postgresql://a@127.0.0.1/x",
    });
    expect(parseLoadArgs(argv, {}).databaseUrl).toBeNull();
  });

  it("refuses wrong numbers, unknown options and a missing --url", () => {
    const url = ["--url", "http://127.0.0.1:3000"];
    expect(() => parseLoadArgs([], {})).toThrow(UsageError);
    expect(() => parseLoadArgs([...url, "--users", "0"], {})).toThrow(UsageError);
    expect(() => parseLoadArgs([...url, "--requests", "ten"], {})).toThrow(UsageError);
    expect(() => parseLoadArgs([...url, "--timeout", "1.5"], {})).toThrow(UsageError);
    expect(() => parseLoadArgs([...url, "--users", "10", "--requests", "5"], {})).toThrow(UsageError);
    expect(() => parseLoadArgs([...url, "--connections", "5"], {})).toThrow(UsageError);
  });
});

describe("the URL", () => {
  it("accepts this machine only: 127.0.0.0/8, localhost and [::1]", () => {
    expect(loopbackOrigin("http://127.0.0.1:3000/somewhere")).toBe("http://127.0.0.1:3000");
    expect(loopbackOrigin("http://127.255.1.2:3300")).toBe("http://127.255.1.2:3300");
    expect(loopbackOrigin("http://127.1:3300")).toBe("http://127.0.0.1:3300");
    expect(loopbackOrigin("https://localhost")).toBe("https://localhost");
    expect(loopbackOrigin("http://[::1]:3300")).toBe("http://[::1]:3300");
  });

  it("refuses anywhere else, however it is written", () => {
    for (const url of [
      "http://10.0.0.5:3000",
      "http://128.0.0.1",
      "http://headway.example",
      "http://localhost.headway.example",
      "http://127.0.0.1.example.org",
      "http://[::ffff:127.0.0.1]",
      "http://[::2]",
      "http://0.0.0.0:3000",
      "ftp://127.0.0.1",
      "not a url",
    ]) {
      expect(() => loopbackOrigin(url), url).toThrow(UsageError);
    }
  });
});

describe("who sends what", () => {
  it("signs people in as leads, owners, the forum and the adviser in turn", () => {
    expect(accountsFor(8).map((a) => a.role)).toEqual(["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "LEAD", "CONTRIBUTOR", "LEAD", "CONTRIBUTOR"]);
    expect(accountsFor(7)[6]!.email).toBe("lead@northbridge.example");
  });

  it("shares the requests out, the first ones taking the remainder", () => {
    expect(shares(300, 10)).toEqual(Array(10).fill(30));
    expect(shares(23, 5)).toEqual([5, 5, 5, 4, 4]);
    expect(shares(23, 5).reduce((a, b) => a + b)).toBe(23);
  });

  it("mixes pages and reads, with a check-in in every five for leads and owners who have actions", () => {
    expect(mix("LEAD", 10, true)).toEqual(["page", "read", "checkIn", "page", "read", "page", "read", "checkIn", "page", "read"]);
    expect(mix("CONTRIBUTOR", 3, true)).toEqual(["page", "read", "checkIn"]);
    expect(mix("CONTRIBUTOR", 6, true).filter((s) => s === "checkIn")).toHaveLength(1);
    expect(mix("CONTRIBUTOR", 5, false)).not.toContain("checkIn");
    expect(mix("FORUM", 5, true)).toEqual(["page", "read", "page", "read", "page"]);
    expect(mix("ADVISER", 4, true)).not.toContain("checkIn");
    // 10 people, 300 requests: the six leads and owners post 30 / 5 check-ins each.
    const steps = accountsFor(10).flatMap((a, i) => mix(a.role, shares(300, 10)[i]!, true));
    expect(steps.filter((s) => s === "checkIn")).toHaveLength(36);
  });

  it("checks in only on actions the form would accept as they stand", () => {
    const a: KnownAction = { id: "a", ref: "1.1", title: "T", status: "IN_PROGRESS", progress: 40, ragOverride: null, ragOverrideReason: null };
    expect(postableAsItStands(a)).toBe(true);
    expect(postableAsItStands({ ...a, ragOverride: "RED", ragOverrideReason: "Slipping" })).toBe(true);
    expect(postableAsItStands({ ...a, ragOverride: "RED", ragOverrideReason: " " })).toBe(false);
    expect(postableAsItStands({ ...a, status: "COMPLETE", progress: 90 })).toBe(false);
  });

  const action = (id: string, ref: string): KnownAction => ({ id, ref, title: `Action's ${ref}`, status: "IN_PROGRESS", progress: 50, ragOverride: null, ragOverrideReason: null });
  const desk: Desk = {
    email: "lead@northbridge.example",
    role: "LEAD",
    area: { slug: "northbridge", name: "Northbridge" },
    findings: [{ id: "f1", ref: "1" }],
    actions: [action("a1", "1.1"), action("a2", "1.2")],
    postable: [action("a1", "1.1"), { ...action("a2", "1.2"), ragOverride: "AMBER", ragOverrideReason: "Late" }],
  };
  const visitor = { name: desk.email, email: desk.email, cookie: "next-auth.session-token=t" };

  it("sends the role's pages and reads signed in, and check-ins that keep the action as it is", () => {
    const sent = errands(desk, visitor, mix("LEAD", 10, true));
    expect(sent.map((e) => e.kind)).toEqual([
      "page: Area home",
      "tRPC: area.home",
      "check-in",
      "page: Action list",
      "tRPC: action.list",
      "page: Finding page",
      "tRPC: evidence.awaitingReview",
      "check-in",
      "page: Action page",
      "tRPC: notification.unreadCount",
    ]);
    expect(sent.every((e) => e.request.headers.cookie === visitor.cookie)).toBe(true);
    expect(sent[0]!.request).toMatchObject({ method: "GET", path: "/local-areas/northbridge" });
    expect(sent[1]!.request.path).toMatch(/^\/api\/trpc\/area\.home\?batch=1&input=/);
    const checkIns = sent.filter((e) => e.kind === "check-in").map((e) => JSON.parse(e.request.body!)[0].json);
    expect(checkIns).toEqual([
      { actionId: "a1", narrative: expect.any(String), progress: 50, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" },
      { actionId: "a2", narrative: expect.any(String), progress: 50, status: "IN_PROGRESS", ragOverride: "AMBER", ragOverrideReason: "Late" },
    ]);
  });

  it("starts each person at their own place in the round", () => {
    expect(errands(desk, visitor, ["page", "checkIn"], 1).map((e) => [e.kind, e.request.path])).toEqual([
      ["page: Action list", "/local-areas/northbridge/actions"],
      ["check-in", "/api/trpc/action.postUpdate?batch=1"],
    ]);
    expect(JSON.parse(errands(desk, visitor, ["checkIn"], 1)[0]!.request.body!)[0].json.actionId).toBe("a2");
  });

  it("returns what a check-in acknowledged, and fails a check-in the app refused", () => {
    const [checkIn] = errands(desk, visitor, ["checkIn"]);
    const ok = JSON.stringify([{ result: { data: { json: { id: "u1", actionId: "a1" } } } }]);
    expect(checkIn!.check({ status: 200, body: ok, location: null })).toEqual({ updateId: "u1", actionId: "a1" });
    const refused = JSON.stringify([{ error: { json: { message: "Only the action's owner or the plan lead can post an update on it." } } }]);
    expect(() => checkIn!.check({ status: 403, body: refused, location: null })).toThrow("HTTP 403");
  });
});

describe("pages", () => {
  const check = checkPage("Area home", "lead@northbridge.example", [">Northbridge</h1>"]);
  const header = "<p>lead@northbridge.example</p>";

  it("passes the expected page for the signed-in person", () => {
    expect(() => check({ status: 200, body: `${header}<h1 class="x">Northbridge</h1>`, location: null })).not.toThrow();
  });

  it("fails the sign-in page, the error page, a page for nobody and a redirect", () => {
    expect(() => check({ status: 200, body: `<h1>Sign in to Headway</h1>`, location: null })).toThrow("the sign-in page");
    expect(() => check({ status: 200, body: `${header}<h1>Sorry, there is a problem with the service</h1>`, location: null })).toThrow("the error page");
    expect(() => check({ status: 200, body: `<h1>Northbridge</h1>`, location: null })).toThrow("lead@northbridge.example");
    expect(() => check({ status: 307, body: "", location: "/signin?callbackUrl=%2F" })).toThrow("HTTP 307 to /signin");
    expect(() => check({ status: 500, body: `${header}<h1>Northbridge</h1>`, location: null })).toThrow("HTTP 500");
  });
});

describe("the report", () => {
  const o = (kind: string, ms: number, error: string | null = null): Outcome => ({ kind, ms, error, checkIn: null });

  it("gives count, errors and nearest-rank p50 and p95 per kind, pages first, and for everything", () => {
    const pages = Array.from({ length: 20 }, (_, i) => o("page: Area home", i + 1));
    const { kinds, all } = summariseKinds([o("check-in", 7, "check-in: HTTP 500"), ...pages, o("tRPC: area.home", 3)]);
    expect(kinds).toEqual([
      { kind: "page: Area home", count: 20, errors: 0, p50: 10, p95: 19 },
      { kind: "tRPC: area.home", count: 1, errors: 0, p50: 3, p95: 3 },
      { kind: "check-in", count: 1, errors: 1, p50: 7, p95: 7 },
    ]);
    expect(all).toEqual({ kind: "all", count: 22, errors: 1, p50: 9, p95: 19 });
    expect(summariseKinds([]).all).toBeNull();
  });

  it("ends with one line a person can read at a glance", () => {
    expect(finalLine({ requests: 300, errors: 0, acknowledged: 36, present: 36 })).toBe("load: 300 requests, 0 errors, 36 check-ins acknowledged, 36 present with audit");
  });
});
