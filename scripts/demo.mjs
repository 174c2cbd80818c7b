#!/usr/bin/env node
/**
 * `npm run demo`: from a fresh clone to Headway with the Northbridge demo at
 * http://localhost:3000. Installs what is missing, builds, then starts on the embedded database
 * (or on DATABASE_URL when set) with demo accounts on and email caught locally.
 * The web server listens on 127.0.0.1 only unless HOST says otherwise: the demo accounts'
 * passwords are published in the README.
 */
import { execSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const sh = (command) => execSync(command, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });

if (!existsSync("node_modules/.package-lock.json") || !existsSync("node_modules/next")) {
  console.log("[demo] installing dependencies (npm ci)…");
  sh("npm ci");
}
console.log("[demo] building…");
sh("npm run build");

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
console.log(`[demo] starting Headway at http://localhost:${port} on ${host} (demo accounts and passwords: README.md)`);
const child = spawn("node", ["scripts/with-db.mjs", "--seed", "--mail-catcher", "next", "start", "-H", host, "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    DEMO_ACCOUNTS: "true",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
