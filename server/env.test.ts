/** The environment is checked once at start, with a message naming the bad variable. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function load(vars: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|NEXTAUTH_|EMAIL_|AZURE_AD_|DEMO_ACCOUNTS|NEXT_PHASE)/.test(k)));
  return spawnSync(process.execPath, ["--input-type=module", "-e", "await import('./server/env.js'); console.log('valid')"], {
    env: { ...base, ...vars } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

describe("server/env.js", () => {
  it("accepts a complete production environment", () => {
    const r = load({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40), DATABASE_URL: "postgresql://u@db.example/headway" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("valid");
  });

  it.each([
    [{ NODE_ENV: "production" }, "NEXTAUTH_SECRET"],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET: must be at least 32 characters"],
    [{ DATABASE_URL: "mysql://db.example/headway" }, "DATABASE_URL: must be a postgresql:// connection URL"],
    [{ EMAIL_SERVER: "http://mail.example" }, "EMAIL_SERVER"],
    [{ NEXTAUTH_URL: "not a url" }, "NEXTAUTH_URL"],
    [{ DEMO_ACCOUNTS: "yes" }, "DEMO_ACCOUNTS"],
    [{ JOBS_MODE: "sometimes" }, "JOBS_MODE: must be inline, worker or off"],
    [{ AZURE_AD_CLIENT_ID: "only-one-of-three" }, "AZURE_AD_CLIENT_SECRET and AZURE_AD_TENANT_ID"],
  ])("refuses %o naming %s", (vars, named) => {
    const r = load(vars);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("Headway cannot start");
    expect(r.stderr).toContain(named);
  });

  it("does not require secrets during the production build", () => {
    const r = load({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });
    expect(r.stdout).toContain("valid");
  });
});
