/**
 * The client bundle check (run by `npm test` after the build) finds what it must find, so a
 * clean result means something: planted secrets in a folder of its own are reported, a clean
 * folder passes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { browserFiles, filesUnder, scanForSecrets, secretsIn } from "@/scripts/check-client-bundle.mjs";

const SCRIPT = path.resolve(import.meta.dirname, "check-client-bundle.mjs");
const CANARY = "canary-6f1d0c2e9b8a4f7e8d3c2b1a0f9e8d7c";
const env = {
  NEXTAUTH_SECRET: CANARY,
  DATABASE_URL: "postgresql://headway:s3cret-db-pass@db.internal:5432/headway",
  EMAIL_SERVER: "smtp://mailer:mail-pass-123@smtp.internal:587",
};

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** A folder like .next/static, with `files` (path → content) in it. */
function bundle(files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(path.join(tmpdir(), "headway-bundle-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CLEAN = {
  "chunks/app/page-1a2b.js": 'self.__next_f.push([1,"sign in"]);const u="/api/trpc";',
  "css/app.css": "body{margin:0}",
  "media/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
};

const found = (dir: string) => scanForSecrets(filesUnder(dir), secretsIn(env)).findings.map((f) => [path.relative(dir, f.file), f.found]);

describe("scanForSecrets", () => {
  it("passes a clean folder, having read every file", () => {
    const dir = bundle(CLEAN);
    expect(scanForSecrets(filesUnder(dir), secretsIn(env))).toEqual({ files: 3, findings: [] });
  });

  it.each([
    ["the session secret, deep in a chunk", "chunks/deep/x.js", `const s="${CANARY}";`, "NEXTAUTH_SECRET"],
    ["the secret inside an image", "media/pic.png", Buffer.concat([Buffer.from([0x89, 0x50]), Buffer.from(CANARY)]), "NEXTAUTH_SECRET"],
    ["a database password on its own", "chunks/y.js", 'const p="s3cret-db-pass";', "DATABASE_URL's password"],
    ["an SMTP password on its own", "chunks/z.js", "x=`mail-pass-123`", "EMAIL_SERVER's password"],
  ])("finds %s", (_name, file, content, what) => {
    expect(found(bundle({ ...CLEAN, [file]: content }))).toContainEqual([file, what]);
  });

  it.each([
    ["any PostgreSQL URL", 'fetch("postgresql://someone:pw@elsewhere/db")', "a PostgreSQL connection URL"],
    ["an SMTP URL with a password", '"smtps://user:hunter22@mail.example.org"', "an SMTP URL with a password"],
    ["a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE", "a private key"],
    ["a PKCS#8 private key", "-----BEGIN PRIVATE KEY-----", "a private key"],
  ])("finds %s whatever its value", (_name, content, what) => {
    expect(scanForSecrets(filesUnder(bundle({ "a.js": content })), []).findings.map((f) => f.found)).toEqual([what]);
  });

  it.each([
    ["an SMTP URL without a password", '"smtp://smtp.example.org:587"'],
    ["a certificate (public)", "-----BEGIN CERTIFICATE-----"],
  ])("does not flag %s", (_name, content) => {
    expect(scanForSecrets(filesUnder(bundle({ "a.js": content })), []).findings).toEqual([]);
  });
});

describe("browserFiles", () => {
  it("takes everything in static/ and the pages rendered at build time, not the server's code", () => {
    const build = bundle({
      "static/chunks/a.js": "",
      "static/media/font.woff2": "",
      "server/app/_global-error.html": "",
      "server/app/_global-error.rsc": "",
      "server/pages/500.html": "",
      "server/app/page.js": "",
      "server/chunks/ssr/env.js": "postgresql://",
    });
    expect(browserFiles(build).map((f) => path.relative(build, f)).sort()).toEqual([
      "server/app/_global-error.html",
      "server/app/_global-error.rsc",
      "server/pages/500.html",
      "static/chunks/a.js",
      "static/media/font.woff2",
    ]);
  });
});

describe("secretsIn", () => {
  it("takes each secret variable's value and a URL's password; skips unset, short and other variables", () => {
    const secrets = secretsIn({ ...env, AZURE_AD_CLIENT_SECRET: "short", S3_SECRET_ACCESS_KEY: "", EMAIL_FROM: "Headway <no-reply@x.org>" });
    expect(secrets.map((s) => s.name)).toEqual([
      "NEXTAUTH_SECRET",
      "DATABASE_URL",
      "DATABASE_URL's password",
      "EMAIL_SERVER",
      "EMAIL_SERVER's password",
    ]);
  });
});

describe("the command", () => {
  const run = (dir: string) => {
    // From an empty folder, so no .env of this checkout adds secrets to the run.
    const r = spawnSync(process.execPath, [SCRIPT, dir], { cwd: bundle({}), env: { PATH: process.env.PATH, NODE_ENV: "production", ...env }, encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };

  it("exits 0 for a clean build", () => {
    const r = run(bundle(CLEAN));
    expect(r.status).toBe(0);
    expect(r.output).toContain("3 files clean");
  });

  it("exits 1 and names the secret and the file, never the value", () => {
    const r = run(bundle({ ...CLEAN, "chunks/leak.js": `x="${CANARY}"` }));
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/NEXTAUTH_SECRET in .*chunks\/leak\.js/);
    expect(r.output).not.toContain(CANARY);
  });

  it("with no folder named, checks the build in .next of the folder it runs in", () => {
    const checkout = bundle({ ".next/static/chunks/a.js": "ok", ".next/server/app/page.html": `<p>${CANARY}</p>` });
    const r = spawnSync(process.execPath, [SCRIPT], { cwd: checkout, env: { PATH: process.env.PATH, NODE_ENV: "production", ...env }, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NEXTAUTH_SECRET in .next\/server\/app\/page\.html/);
  });

  it("exits 2 when there is no build to check", () => {
    expect(run(path.join(tmpdir(), "headway-no-such-build")).status).toBe(2);
    expect(run(bundle({})).status).toBe(2); // an empty folder checks nothing
  });
});
