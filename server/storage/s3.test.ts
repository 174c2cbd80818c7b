/** S3Storage against s3rver, an S3-compatible server run in this process on a free local port. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStorageKey } from "@/server/storage/keys";
import { S3Storage } from "@/server/storage/s3";

let dir: string;
let server: S3rver;
let store: S3Storage;
let endpoint: string;

const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "headway-s3rver-"));
  server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, configureBuckets: [{ name: "headway-evidence" }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  store = new S3Storage({ bucket: "headway-evidence", region: "eu-west-2", endpoint, forcePathStyle: true, ...credentials });
});
afterAll(async () => {
  store?.destroy();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("S3Storage", () => {
  it("round-trips a file: put, get, delete", async () => {
    const key = newStorageKey("cd".repeat(32));
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    await store.put(key, bytes, "image/png");
    expect(await store.get(key)).toEqual(bytes);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("answers null for a key with nothing stored", async () => {
    expect(await store.get(newStorageKey("cd".repeat(32)))).toBeNull();
  });

  it("refuses a key it did not generate before calling the service", async () => {
    await expect(store.put("../other-bucket/x", Buffer.from("x"), "text/plain")).rejects.toThrow("did not generate");
    await expect(store.get("2026/report.pdf")).rejects.toThrow("did not generate");
  });

  it("reports a store it cannot use instead of pretending the file was saved", async () => {
    const wrongBucket = new S3Storage({ bucket: "no-such-bucket", region: "eu-west-2", endpoint, forcePathStyle: true, ...credentials });
    await expect(wrongBucket.put(newStorageKey("cd".repeat(32)), Buffer.from("x"), "text/plain")).rejects.toThrow();
    wrongBucket.destroy();
  });
});
