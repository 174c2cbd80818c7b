/**
 * Every procedure, called by someone the permission table lets call it, with hostile input: its
 * walk entry's valid input with one or two fields replaced or pushed to an extreme (the shape
 * passes, so the service sees it), or something else entirely. Whatever comes in, the answer is
 * the result or a refusal (BAD_REQUEST, NOT_FOUND, CONFLICT, ...), never a server error: bad input
 * is the caller's mistake, and a 500 tells them nothing about what to fix.
 *
 * Deterministic: a fixed seed (FUZZ_SEED overrides it) and a fixed order. State accumulates in
 * one fixture, as in the permission walk; every input either fails validation or leaves valid
 * records behind. A failure names the procedure, the input and the seed and path to replay it.
 */
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Fixture } from "@/server/testing/walk/spec";
import { createWalkFixture, expected, procedureAt, procedures, SPECS, WHO } from "@/server/testing/walk/walk";
import { FIGURE_TOO_LARGE } from "@/server/schemas/common";
import { callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";
import { createAreaWithPlan } from "@/prisma/factories";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_408);
/** Inputs per procedure: enough to reach every field of the larger forms, few enough for a minute on two cores. FUZZ_RUNS searches longer. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

// Hostile values -------------------------------------------------------------------------------

const HUGE = 100_000;

/** Strings people and scripts send that a form does not: control bytes, direction marks, SQL, paths. */
const nastyText = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "nul\u0000inside",
  "\u202eexe.pdf",
  "\u200f\u200e\u2066right-to-left\u2069",
  "\ufeffbom",
  "\ud800 lone surrogate",
  "💥👨‍👩‍👧‍👦🏳️‍🌈",
  "Zalgo t̸̡̛e̵̢͝x̷̛͜t̶",
  "'; DROP TABLE \"User\"; --",
  "' OR '1'='1",
  "%_%\\",
  "$1 $2 ${x} {{x}}",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "\r\n\r\n",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x7fffffff",
);

const hugeText = fc.constantFrom("x".repeat(HUGE), "💥".repeat(HUGE / 2), `${"a".repeat(HUGE - 1)}\u0000`, " ".repeat(HUGE), "9".repeat(HUGE));

const nastyNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, -0.000001, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 1e21, 1e308),
  fc.double(),
  fc.integer(),
);

const nastyDay = fc.oneof(
  fc.constantFrom("2025-02-30", "2025-13-01", "2025-00-10", "0000-01-01", "0001-01-01", "1000-01-01", "9999-12-31", "275760-09-13", "+275760-09-13", "2025-1-1", "2025-01-01T00:00:00Z", "31/12/2025", "yesterday", "2025-01-01\u0000"),
  fc.date({ noInvalidDate: false }),
);

/** Well-formed ids of nothing: they pass the id check and reach the query. */
const missingId = fc.stringMatching(/^c[a-z0-9]{24}$/);

/** Nesting far deeper than any form: arrays, then objects. */
const deep = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  // fast-check would print it by recursion, deeper than the stack allows.
  Object.defineProperty(value, fc.toStringMethod, { value: () => `${asArray ? "arrays" : "objects"} nested ${depth} deep` });
  return value;
});

/** Keys that poison a careless merge. JSON.parse keeps "__proto__" as an own key, as a request body would. */
const poisoned = fc.constantFrom(
  JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"isAdmin": true}}}') as unknown,
  Object.create(null) as unknown,
);

/** Anything superjson could hand a procedure over HTTP: dates, maps, sets, bigints, undefined, typed arrays. */
const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: "binary",
});

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyText, weight: 4 },
  { arbitrary: hugeText, weight: 1 },
  { arbitrary: nastyNumber, weight: 3 },
  { arbitrary: nastyDay, weight: 2 },
  { arbitrary: missingId, weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: anything, weight: 2 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: poisoned, weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, [], {}), weight: 2 },
);

// Mutations of a valid input --------------------------------------------------------------------

type Path = (string | number)[];

/** Every place inside a value: each object key and array index, at any depth. */
function placesIn(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, v]) => [[...at, key], ...placesIn(v, [...at, key])]);
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

function setAt(value: unknown, path: Path, replacement: unknown) {
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = replacement;
}

function deleteAt(value: unknown, path: Path) {
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
  else delete parent[path.at(-1)!];
}

/** The same kind of value as `original`, pushed somewhere a form never goes. */
function extreme(original: unknown, how: number): unknown {
  if (typeof original === "string") {
    const options = [
      `${original}\u0000`,
      original.repeat(Math.ceil(HUGE / Math.max(1, original.length))),
      `\u202e${original}`,
      ` ${original} `.replace(/./g, (c) => c + "\u0301"),
      original.toUpperCase(),
      `${original}'; --`,
      "",
      "   ",
      original.split("").reverse().join(""),
      `${original}-${original}`,
      // An emoji cut in half, as a careless truncation leaves it: a lone surrogate.
      `${original}\ud83d`,
    ];
    return options[how % options.length];
  }
  if (typeof original === "number") {
    const options = [-original, original * 1e12, original + 0.5, 2 ** 31, 2 ** 31 - 1, -1, 0, original - 1, Number.MAX_SAFE_INTEGER, 1e-9, Number.MAX_VALUE, -Number.MAX_VALUE];
    return options[how % options.length];
  }
  if (typeof original === "boolean") return !original;
  if (Array.isArray(original)) {
    const options = [[], Array.from({ length: 1000 }, () => original[0] ?? "x"), [...original, ...original], [original]];
    return options[how % options.length];
  }
  return how % 2 ? {} : null;
}

type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "extreme"; at: number; how: number }
  | { kind: "twice"; first: number; second: number; how: number; value: unknown }
  | { kind: "drop"; at: number }
  | { kind: "extra"; key: string; value: unknown }
  | { kind: "whole"; value: unknown };

const place = fc.nat({ max: 10_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("replace" as const), at: place, value: hostile }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("extreme" as const), at: place, how: fc.nat() }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant("twice" as const), first: place, second: place, how: fc.nat(), value: hostile }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("drop" as const), at: place }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("extra" as const), key: fc.constantFrom("__proto__", "id", "localAreaId", "version", "role", "x"), value: hostile }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("whole" as const), value: hostile }), weight: 2 },
);

/** The valid input with the mutation applied (the valid input itself is left alone). */
function mutate(valid: unknown, m: Mutation): unknown {
  if (m.kind === "whole") return m.value;
  const input = structuredClone(valid);
  const places = placesIn(input);
  if (places.length === 0 || input === null || typeof input !== "object") return m.kind === "replace" || m.kind === "twice" ? m.value : input;
  const pick = (n: number) => places[n % places.length]!;
  switch (m.kind) {
    case "replace":
      setAt(input, pick(m.at), m.value);
      break;
    case "extreme":
      setAt(input, pick(m.at), extreme(getAt(input, pick(m.at)), m.how));
      break;
    case "twice": {
      const [a, b] = [pick(m.first), pick(m.second)];
      setAt(input, a, extreme(getAt(input, a), m.how));
      // The second place may have been inside the first: then the first's change stands alone.
      if (!b.slice(0, a.length).every((k, i) => k === a[i]) || b.length <= a.length) setAt(input, b, m.value);
      break;
    }
    case "drop":
      deleteAt(input, pick(m.at));
      break;
    case "extra":
      Object.defineProperty(input, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      break;
  }
  return input;
}

/** A short, printable account of an input for a failure message. */
function describeInput(value: unknown): string {
  const stringify = (v: unknown) => {
    try {
      return jsonOf(v);
    } catch {
      return "(nested too deep to print)";
    }
  };
  const text = stringify(value);
  return text === undefined ? String(value) : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function jsonOf(value: unknown): string | undefined {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "string" && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (v instanceof Map || v instanceof Set) return `${v.constructor.name}(${v.size})`;
    return v;
  });
}

// The walk ---------------------------------------------------------------------------------------

let db: PrismaClient;
let fx: Fixture;
let tried = 0;
const outcomes = new Map<string, number>();

beforeAll(async () => {
  db = testDb();
  fx = await createWalkFixture(db);
});
afterAll(async () => {
  console.log(
    `[procedure-fuzz] ${procedures.length} procedures, ${tried} inputs (seed ${SEED}): ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  await db.$disconnect();
});

describe("every procedure's input", () => {
  for (const [index, [path, procedure]] of procedures.entries()) {
    it(`${path} answers hostile input with its result or a refusal, never a server error`, { timeout: 60_000 }, async () => {
      const spec = SPECS[path];
      expect(spec, `${path} has no walk entry (server/testing/walk/)`).toBeDefined();
      // Public procedures as a visitor (the stranger a hostile input comes from); the rest as the first the table allows.
      const who = procedure._def.meta?.guard === "public" ? "ANONYMOUS" : WHO.find((w) => expected(path, w, fx) === "OK");
      expect(who, `${path}: nobody may call it`).toBeDefined();
      const userId = who === "ANONYMOUS" ? null : fx.users[who!];

      // A valid input is made afresh only after a call succeeded: a success may have used it up
      // (published the entry, moved the version on); a refusal leaves it as it was.
      let valid: { input: unknown } | null = null;
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          valid ??= { input: await spec!.input(fx, db) };
          const input = mutate(valid.input, m);
          const caller = await callerFor(db, userId);
          tried += 1;
          let outcome: string;
          try {
            await procedureAt(caller, path)(input);
            outcome = "OK";
            valid = null;
          } catch (error) {
            const about = `${path} as ${who} with ${describeInput(input)}`;
            if (!(error instanceof TRPCError)) throw new Error(`${about} threw ${String(error)}`, { cause: error });
            if (error.code === "INTERNAL_SERVER_ERROR") {
              throw new Error(`${about} answered a server error: ${String(error.cause ?? error.message)}`, { cause: error });
            }
            outcome = error.code;
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});

describe("inputs the fuzz found answered with a server error", () => {
  const UNSTORABLE = "Remove the hidden or broken character from this text: it cannot be saved";
  const STALE = "That is not a version of this record: reload the page and try again";
  /** The walk entry's valid input for `path`, with `change` applied. */
  const changed = async (path: string, change: Record<string, unknown>) => ({ ...((await SPECS[path]!.input(fx, db)) as object), ...change });

  it.each([
    ["plan.update", { title: "Written statement\u0000" }, "title", UNSTORABLE],
    ["plan.update", { title: "Written statement \ud83d" }, "title", UNSTORABLE],
    ["action.create", { title: "nul\u0000inside" }, "title", UNSTORABLE],
    ["comment.add", { body: "A comment.\u0000" }, "body", UNSTORABLE],
    ["snapshot.take", { label: "Board\u0000" }, "label", UNSTORABLE],
    ["finding.update", { version: 2 ** 53 - 1 }, "version", STALE],
    ["forum.setClaimedLevel", { version: 2 ** 31 }, "version", STALE],
    ["measure.create", { targetValue: Number.MAX_VALUE }, "targetValue", FIGURE_TOO_LARGE],
  ])("%s with %j is refused against its field", async (path, change, field, message) => {
    const input = await changed(path, change);
    const caller = await callerFor(db, fx.users.LEAD);
    const error = await refusal(procedureAt(caller, path)(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrors(error)[field]).toBe(message);
  });

  it("plan.addOrganisation takes a name with LIKE's wildcards and escape as plain text", async () => {
    // An area of its own: the fuzz above may have named one of area A's organisations so (plan.updateOrganisation).
    const area = await createAreaWithPlan(db);
    const caller = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    const add = (name: string) => caller.plan.addOrganisation({ slug: area.slug, name, kind: "SCHOOL" });
    // A trailing backslash was an SQL error; "%" matched every name, "_" any letter, so each was "taken".
    await expect(add("%_%\\")).resolves.toMatchObject({ name: "%_%\\" });
    await expect(add("%")).resolves.toMatchObject({ name: "%" });
    await expect(add("St Mary's")).resolves.toMatchObject({ name: "St Mary's" });
    await expect(add("St Mary_s")).resolves.toMatchObject({ name: "St Mary_s" });
    const again = await refusal(add("st mary_S"));
    expect(fieldErrors(again).name).toMatch(/already has an organisation called/);
  });
});
