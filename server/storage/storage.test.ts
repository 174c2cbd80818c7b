/** Which store Headway uses, and the S3 settings it refuses to start with. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function freshStorage(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  vi.resetModules(); // env.js reads the environment once, on import
  return import("@/server/storage/storage");
}

afterEach(() => vi.unstubAllEnvs());

describe("getStorage", () => {
  it("keeps files on local disk under STORAGE_DIR when S3_BUCKET is not set", async () => {
    const { getStorage } = await freshStorage({ S3_BUCKET: undefined, STORAGE_DIR: "/var/lib/headway/evidence" });
    const { LocalDiskStorage } = await import("@/server/storage/local-disk");
    const store = getStorage();
    expect(store).toBeInstanceOf(LocalDiskStorage);
    expect((store as InstanceType<typeof LocalDiskStorage>).root).toBe("/var/lib/headway/evidence");
    expect(getStorage()).toBe(store);
  });

  it("defaults to .data/evidence under the working folder", async () => {
    const { getStorage } = await freshStorage({ S3_BUCKET: undefined, STORAGE_DIR: undefined });
    expect((getStorage() as unknown as { root: string }).root).toBe(path.resolve(".data/evidence"));
  });

  it("uses S3-compatible storage when S3_BUCKET and its keys are set", async () => {
    const { getStorage } = await freshStorage({
      S3_BUCKET: "headway-evidence",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_ENDPOINT: "http://127.0.0.1:9000",
    });
    const { S3Storage } = await import("@/server/storage/s3");
    expect(getStorage()).toBeInstanceOf(S3Storage);
  });
});

function startWith(vars: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(S3_|STORAGE_DIR|NEXT_PHASE)/.test(k)));
  return spawnSync(process.execPath, ["--input-type=module", "-e", "await import('./server/env.js'); console.log('valid')"], {
    env: { ...base, ...vars } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

describe("server/env.js, evidence storage settings", () => {
  it("accepts a complete S3 configuration", () => {
    const r = startWith({ S3_BUCKET: "headway-evidence", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_FORCE_PATH_STYLE: "true" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("valid");
  });

  it.each([
    [{ S3_BUCKET: "headway-evidence" }, "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"],
    [{ S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }, "or none of them"],
    [{ S3_BUCKET: "Not A Bucket", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }, "S3_BUCKET: must be a bucket name"],
    [{ S3_BUCKET: "b-1", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_ENDPOINT: "ftp://s3.example" }, "S3_ENDPOINT"],
  ])("refuses %o naming %s", (vars, named) => {
    const r = startWith(vars);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("Headway cannot start");
    expect(r.stderr).toContain(named);
  });
});
