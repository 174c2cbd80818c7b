// @ts-check
/**
 * The environment, validated once. Imported by next.config.js (so `next build` and `next start`
 * stop with a message naming the bad variable) and by server code, which reads `env` and never
 * `process.env`. Every variable is documented in .env.example.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

// During `next build` there is no running deployment: secrets are checked when it starts.
const building = process.env.NEXT_PHASE === "phase-production-build";
const production = process.env.NODE_ENV === "production";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    // The owner of the tables, for migrations only (scripts/with-db.mjs); the app never uses it.
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    // Allows the embedded database under NODE_ENV=production (scripts/with-db.mjs refuses it otherwise).
    EMBEDDED_DB_IN_PRODUCTION: flag,
    NEXTAUTH_URL: z.url("must be the site's full URL, e.g. https://headway.example.gov.uk").optional(),
    NEXTAUTH_SECRET:
      production && !building
        ? z.string({ error: "is required in production (any random string of 32 or more characters)" }).min(32, "must be at least 32 characters")
        : z.string().min(1).optional(),
    EMAIL_SERVER: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@smtp.example.org:587")
      .optional(),
    EMAIL_FROM: z.string().min(3).default("Headway <no-reply@headway.localhost>"),
    AZURE_AD_CLIENT_ID: z.string().min(1).optional(),
    AZURE_AD_CLIENT_SECRET: z.string().min(1).optional(),
    AZURE_AD_TENANT_ID: z.string().min(1).optional(),
    DEMO_ACCOUNTS: flag,
    // A session ends this many hours after sign-in however busy it is (server/auth/session-clock.ts)...
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
    // ...or sooner, after this many minutes without a request.
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    // How many reverse proxies (load balancer, ingress) stand in front of the app, each adding
    // the address it saw to X-Forwarded-For: the sign-in limits count per client address
    // (server/auth/client-address.ts). 0 when browsers connect to the app directly: the header
    // is then not believed (a client can write its own) and the address counts as unknown.
    TRUST_PROXY: z.coerce
      .number({ error: "must be the number of reverse proxies in front of Headway: 0, 1, 2 ..." })
      .int("must be a whole number of reverse proxies: 0, 1, 2 ...")
      .min(0, "must be 0 or more")
      .max(10, "must be 10 or fewer")
      .default(0),
    STORAGE_DIR: z.string().min(1).optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3 to 63 lower-case letters, digits, dots or hyphens")
      .optional(),
    S3_REGION: z.string().min(1).default("eu-west-2"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be the storage service's http:// or https:// URL" }).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: flag,
    // Where reminders and digests run: in the app process, in `npm run worker`, or nowhere.
    JOBS_MODE: z.enum(["inline", "worker", "off"], { error: "must be inline, worker or off" }).default("inline"),
    // The largest tRPC request body, in bytes: larger ones get a 413 before they are parsed.
    // Files travel by their own routes, so 1 MB is far more than any form sends.
    TRPC_MAX_BODY_BYTES: z.coerce
      .number({ error: "must be a number of bytes, e.g. 1048576 for 1 MB" })
      .int("must be a whole number of bytes")
      .min(1024, "must be at least 1024 bytes")
      .default(1024 * 1024),
    // How many years after a plan is closed its evidence files are kept (PRIVACY.md); a daily
    // job deletes them after that.
    RETENTION_YEARS: z.coerce
      .number({ error: "must be a number of years, e.g. 6" })
      .int("must be a whole number of years")
      .min(1, "must be 1 or more")
      .max(100, "must be 100 or fewer")
      .default(6),
    // Set by the benchmark (scripts/bench.ts) only: count every SQL statement (server/query-count.ts).
    HEADWAY_QUERY_COUNT: flag,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  onValidationError(issues) {
    const lines = issues.map((i) => `  - ${i.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".")}: ${i.message}`);
    const message = `Headway cannot start: these environment variables are missing or wrong:\n${lines.join("\n")}\nSee .env.example for what each one means.`;
    console.error(message);
    throw new Error(message);
  },
});

// Either all three Entra ID settings or none: half a configuration is a mistake worth stopping for.
const entra = [env.AZURE_AD_CLIENT_ID, env.AZURE_AD_CLIENT_SECRET, env.AZURE_AD_TENANT_ID];
if (entra.some(Boolean) && !entra.every(Boolean)) {
  const message =
    "Headway cannot start: set all of AZURE_AD_CLIENT_ID, AZURE_AD_CLIENT_SECRET and AZURE_AD_TENANT_ID to turn on Microsoft Entra ID sign-in, or none of them.";
  console.error(message);
  throw new Error(message);
}

// S3 storage is on when S3_BUCKET is set, and then needs both keys; keys or an endpoint without a
// bucket would silently leave files on local disk, which is as wrong as half a configuration.
const s3Keys = [env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
if (env.S3_BUCKET ? !s3Keys.every(Boolean) : s3Keys.some(Boolean) || env.S3_ENDPOINT) {
  const message =
    "Headway cannot start: set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT for storage other than AWS) to keep evidence files in S3-compatible storage, or none of them to keep them on local disk.";
  console.error(message);
  throw new Error(message);
}
