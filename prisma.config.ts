// Prisma 6.19 CLI config: the *JavaScript/WASM* schema engine talks to PostgreSQL through
// @prisma/adapter-pg, so no native schema-engine binary is downloaded (binaries.prisma.sh is
// unreachable here). Works for migrate dev/deploy/reset/status/diff, db push, db seed.
import "dotenv/config";
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { defineConfig } from "prisma/config";

// Fix 1 (prisma/orm#27403): the engine reads pg_catalog columns of type `name` / "char",
// which adapter-pg 6.19 rejects ("Column type 'name' could not be deserialized"). Report them as text.
type Field = { dataTypeID: number };
const R = pg.Result.prototype as unknown as {
  addFields(this: unknown, fields: Field[]): void;
  __prismaNameAsText?: boolean;
};
if (!R.__prismaNameAsText) {
  const addFields = R.addFields;
  R.addFields = function (fields: Field[]) {
    for (const f of fields) {
      if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25; // "char", name -> text
      else if (f.dataTypeID === 1002 || f.dataTypeID === 1003) f.dataTypeID = 1009; // their arrays -> text[]
    }
    return addFields.call(this, fields);
  };
  R.__prismaNameAsText = true;
}

// Fix 2: the WASM engine arms 10 s / 60 s timeout timers it never clears, so every command
// lingers 10-60 s after finishing. Unref long timers (they only guard awaited socket I/O).
const g = globalThis as unknown as {
  setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => { unref?: () => void };
  __prismaUnrefTimers?: boolean;
};
if (!g.__prismaUnrefTimers) {
  const setTimeoutOrig = g.setTimeout;
  g.setTimeout = (fn, ms, ...args) => {
    const t = setTimeoutOrig(fn, ms, ...args);
    if ((ms ?? 0) >= 10_000 && typeof t?.unref === "function") t.unref();
    return t;
  };
  g.__prismaUnrefTimers = true;
}

// Fix 5: adapter-pg's executeScript splits a migration on every ";", which breaks any
// function body (the append-only triggers). Send the script whole instead: PostgreSQL's simple
// query protocol runs several statements in one implicit transaction, so a failed migration
// also leaves nothing half-applied.
type ScriptAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
function wholeScripts<A extends ScriptAdapter>(adapter: A): A {
  const a = adapter as unknown as {
    underlyingDriver(): pg.Pool | pg.Client;
    onError(e: unknown): never;
    executeScript(script: string): Promise<void>;
  };
  a.executeScript = async (script: string) => {
    try {
      await a.underlyingDriver().query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  return adapter;
}

class MigratePg extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super(cfg);
  }

  // Fix 3: unlike the native engine, the JS engine does not create a missing database.
  override async connect() {
    const admin = new pg.Client({ ...this.cfg, database: "postgres" });
    await admin.connect();
    try {
      const r = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [this.cfg.database]);
      if (r.rowCount === 0) await admin.query(`CREATE DATABASE "${this.cfg.database}"`);
    } finally {
      await admin.end();
    }
    return wholeScripts(await super.connect());
  }

  // Fix 4: adapter-pg's connectToShadowDb (a) builds the shadow pool as {...config, database},
  // and a `connectionString` overrides that database, so the "shadow" is your real DB; and
  // (b) drops the shadow DB while its pool is still connected. Do it properly here.
  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(this.cfg);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter = wholeScripts(await new PrismaPg({ ...this.cfg, database: name }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    // Migrations run as the owner of the tables; the app's own role may not change them.
    const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (for the embedded database use `npm run db:migrate`)");
    // Discrete fields, never { connectionString } (see Fix 4). allowExitOnIdle: let the CLI exit.
    return new MigratePg({ ...parseIntoClientConfig(url), allowExitOnIdle: true } as pg.PoolConfig);
  },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
