/** The benchmark's command line (usage in scripts/bench.ts). */
import { parseArgs } from "node:util";

export class UsageError extends Error {}

export type BenchOptions = {
  /** The database URL the sizes' databases are named after (or, with skipSeed, measured as it is). */
  databaseUrl: string;
  /** Numbers of areas (in all) to measure at, smallest first; empty with skipSeed. */
  sizes: number[];
  skipSeed: boolean;
  reseed: boolean;
  build: boolean;
  skipLoad: boolean;
  /** Timed requests per endpoint (after the warm-up). */
  requests: number;
  warmup: number;
  /** Seconds of load, and its concurrent virtual users. */
  duration: number;
  connections: number;
  /** One request in this many under load is an action update. */
  updateEvery: number;
  ports: { from: number; to: number };
  /** The whole run's limit, in minutes. */
  timeoutMinutes: number;
  area: string;
  lead: string;
  national: string;
  out: string;
  /** Only one section, without the build or the sizes' data: "api-values" (scripts/bench/api-values.ts). */
  only: "api-values" | null;
  /** Values sent through the API, and how many in one request. */
  apiValues: number;
  apiBatch: number;
};

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/headway_bench";
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The benchmark loads this machine's database and server only: anything else is refused. */
export function localDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError("DATABASE_URL is not a URL.");
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) throw new UsageError("DATABASE_URL must be a postgresql:// URL.");
  if (!LOCAL_HOSTS.has(url.hostname)) throw new UsageError(`The benchmark only runs against a database on this machine (127.0.0.1), not ${url.hostname}.`);
  if (!/^[a-z_][a-z0-9_]*$/.test(url.pathname.slice(1))) throw new UsageError("DATABASE_URL must name its database in lower-case letters, digits and underscores.");
  return raw;
}

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return n;
}

export function parseBenchArgs(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: "string" },
        "skip-seed": { type: "boolean" },
        reseed: { type: "boolean" },
        build: { type: "boolean" },
        "skip-load": { type: "boolean" },
        requests: { type: "string" },
        warmup: { type: "string" },
        duration: { type: "string" },
        connections: { type: "string" },
        "update-every": { type: "string" },
        ports: { type: "string" },
        timeout: { type: "string" },
        area: { type: "string" },
        lead: { type: "string" },
        national: { type: "string" },
        out: { type: "string" },
        only: { type: "string" },
        values: { type: "string" },
        batch: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.only !== undefined && values.only !== "api-values") throw new UsageError("--only takes api-values.");
  const skipSeed = values["skip-seed"] === true;
  if (skipSeed && values.sizes !== undefined) throw new UsageError("--skip-seed measures DATABASE_URL as it is, at one size: leave out --sizes.");
  if (skipSeed && values.reseed) throw new UsageError("--reseed and --skip-seed contradict each other.");
  const sizes = skipSeed
    ? []
    : (values.sizes ?? "10,153").split(",").map((s) => positiveInt("sizes", s.trim(), 0, 1000));
  const distinct = [...new Set(sizes)].sort((a, b) => a - b);
  if (!skipSeed && distinct.length !== sizes.length) throw new UsageError("--sizes names a size twice.");

  const ports = (values.ports ?? "3200-3209").match(/^(\d+)(?:-(\d+))?$/);
  const from = Number(ports?.[1]);
  const to = Number(ports?.[2] ?? ports?.[1]);
  if (!ports || from < 1024 || to > 65535 || to < from) throw new UsageError("--ports must be a port or a range like 3200-3209 (1024 to 65535).");

  return {
    databaseUrl: localDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    sizes: distinct,
    skipSeed,
    reseed: values.reseed === true,
    build: values.build === true,
    skipLoad: values["skip-load"] === true,
    requests: positiveInt("requests", values.requests, 100, 10_000),
    warmup: positiveInt("warmup", values.warmup, 10, 1_000),
    duration: positiveInt("duration", values.duration, 60, 600),
    connections: positiveInt("connections", values.connections, 50, 500),
    updateEvery: positiveInt("update-every", values["update-every"], 10, 1_000),
    ports: { from, to },
    timeoutMinutes: positiveInt("timeout", values.timeout, 60, 24 * 60),
    area: values.area ?? "northbridge",
    lead: values.lead ?? "lead@northbridge.example",
    national: values.national ?? "national@headway.example",
    out: values.out ?? (values.only ? `.data/bench/${values.only}.json` : ".data/bench/latest.json"),
    only: values.only === "api-values" ? "api-values" : null,
    apiValues: positiveInt("values", values.values, 10_000, 100_000),
    apiBatch: positiveInt("batch", values.batch, 500, 1_000),
  };
}

/** The database holding `size` areas: DATABASE_URL's database name with "_<size>". */
export function databaseForSize(baseUrl: string, size: number): string {
  const url = new URL(baseUrl);
  url.pathname = `/${url.pathname.slice(1)}_${size}`;
  return url.toString();
}
