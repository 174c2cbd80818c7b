#!/usr/bin/env node
/**
 * After `next build`: fails if anything the browser can download holds a server secret.
 *   node scripts/check-client-bundle.mjs [folder ...]
 * By default: everything in .next/static (scripts, styles, media) and the pages Next rendered
 * at build time (.next/server/**\/*.html, .rsc, .body), which are served as they are.
 *
 * It looks for the values of the server's secret variables as the build saw them (the
 * environment plus the .env files Next loads), the passwords inside URL-valued ones, and
 * things that are secret whatever their value: a PostgreSQL connection URL, an SMTP URL with a
 * password, a private key. `npm test` builds with a random NEXTAUTH_SECRET of its own, so there
 * is always at least one secret that must not turn up. Prints names and files, never a value.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Variables whose values only the server may know (server/env.js). */
export const SECRET_VARIABLES = [
  "NEXTAUTH_SECRET",
  "DATABASE_URL",
  "EMAIL_SERVER",
  "AZURE_AD_CLIENT_SECRET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
];

/** Secret in any deployment, whatever the value. */
export const MARKERS = [
  { name: "a PostgreSQL connection URL", pattern: /postgres(?:ql)?:\/\//i },
  { name: "an SMTP URL with a password", pattern: /smtps?:\/\/[^\s"'`/:@]+:[^\s"'`/@]+@/i },
  { name: "a private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

/** Shorter values ("1", "true", a port) would match by chance and are no secret anyway. */
const MIN_SECRET_LENGTH = 8;

/** The secret values to look for in `env`: each variable's value, and a URL's password on its own. */
export function secretsIn(env) {
  const secrets = [];
  for (const name of SECRET_VARIABLES) {
    const value = env[name]?.trim();
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    secrets.push({ name, value });
    try {
      const password = decodeURIComponent(new URL(value).password);
      if (password.length >= MIN_SECRET_LENGTH) secrets.push({ name: `${name}'s password`, value: password });
    } catch {
      // not a URL
    }
  }
  return secrets;
}

export function filesUnder(folder) {
  return readdirSync(folder, { recursive: true })
    .map((f) => path.join(folder, String(f)))
    .filter((f) => statSync(f).isFile());
}

/** What the browser can download from a build: not the server's own code, which may hold anything. */
export function browserFiles(buildDir) {
  const server = path.join(buildDir, "server");
  const prerendered = statSync(server, { throwIfNoEntry: false })?.isDirectory()
    ? filesUnder(server).filter((f) => /\.(html|rsc|body)$/.test(f))
    : [];
  return [...filesUnder(path.join(buildDir, "static")), ...prerendered];
}

/**
 * What turns up where: [{ file, found }] for every secret value or marker in any of the files.
 * Read as bytes, so a secret is found in a font or an image as well as in script.
 */
export function scanForSecrets(files, secrets, markers = MARKERS) {
  const findings = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString("latin1");
    for (const s of secrets) if (bytes.includes(Buffer.from(s.value, "utf8"))) findings.push({ file, found: s.name });
    for (const m of markers) if (m.pattern.test(text)) findings.push({ file, found: m.name });
  }
  return { files: files.length, findings };
}

async function main() {
  const folders = process.argv.slice(2);
  for (const f of folders.length > 0 ? folders : [".next/static"]) {
    if (!statSync(f, { throwIfNoEntry: false })?.isDirectory()) {
      console.error(`[check-client-bundle] ${f} is not there: run \`npm run build\` first.`);
      process.exit(2);
    }
  }
  const files = folders.length > 0 ? folders.flatMap(filesUnder) : browserFiles(".next");
  // The values the build saw: what is set, then what Next reads from .env files for production.
  const { default: nextEnv } = await import("@next/env"); // CommonJS
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const secrets = secretsIn(process.env);
  if (files.length === 0) {
    console.error("[check-client-bundle] no files to check: nothing was checked.");
    process.exit(2);
  }
  const { findings } = scanForSecrets(files, secrets);
  if (findings.length > 0) {
    for (const f of findings) console.error(`[check-client-bundle] ${f.found} in ${f.file}`);
    console.error(`[check-client-bundle] ${findings.length} secret(s) in files the browser downloads.`);
    process.exit(1);
  }
  const names = secrets.map((s) => s.name).join(", ") || "no secret variables set";
  console.log(`[check-client-bundle] ${files.length} files clean: looked for ${names} and ${MARKERS.length} kinds of secret.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
