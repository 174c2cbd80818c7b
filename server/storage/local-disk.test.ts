import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStorageKey } from "@/server/storage/keys";
import { LocalDiskStorage } from "@/server/storage/local-disk";

const hash = "ab".repeat(32);
let root: string;
let store: LocalDiskStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "headway-evidence-"));
  store = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("LocalDiskStorage", () => {
  it("round-trips a file under its generated key: put, get, delete", async () => {
    const key = newStorageKey(hash);
    const bytes = Buffer.from("%PDF-1.4 the minutes");
    await store.put(key, bytes);
    const [year, name] = key.split("/");
    expect(await readFile(path.join(root, year!, name!))).toEqual(bytes);
    expect(await store.get(key)).toEqual(bytes);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // already gone: not an error
  });

  it("leaves no temporary file behind and keeps the file private to its owner", async () => {
    const key = newStorageKey(hash);
    await store.put(key, Buffer.from("x"));
    const folder = path.join(root, key.split("/")[0]!);
    expect((await readdir(folder)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await stat(store.pathOf(key))).mode & 0o077).toBe(0);
  });

  it("answers null for a key with nothing stored", async () => {
    expect(await store.get(newStorageKey(hash))).toBeNull();
  });

  it.each(["../../etc/passwd", "2026/report.pdf", `2026/../${newStorageKey(hash)}`, "/etc/passwd", `${newStorageKey(hash)}/x`])(
    "refuses a key it did not generate: %s",
    async (key) => {
      await expect(store.put(key, Buffer.from("x"))).rejects.toThrow("did not generate");
      await expect(store.get(key)).rejects.toThrow("did not generate");
      await expect(store.delete(key)).rejects.toThrow("did not generate");
    },
  );
});

describe("storage keys", () => {
  it("are <year>/<uuid>-<first 16 of the hash>, different every time", () => {
    const a = newStorageKey(hash, new Date("2026-11-22T10:00:00Z"));
    expect(a).toMatch(/^2026\/[0-9a-f-]{36}-abababababababab$/);
    expect(newStorageKey(hash)).not.toBe(newStorageKey(hash));
  });
});
