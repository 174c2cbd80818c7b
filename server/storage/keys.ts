/**
 * Storage keys for evidence files. A key is generated, never derived from the uploaded name, so
 * nothing a person types can reach a path or an object name: `<yyyy>/<uuid>-<sha256 first 16>`.
 * The year spreads files over folders; the hash prefix lets an operator match a file to its row.
 */
import { randomUUID } from "node:crypto";

const KEY = /^\d{4}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{16}$/;

export function newStorageKey(sha256: string, now: Date = new Date()): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("newStorageKey: expected a hex SHA-256 digest");
  return `${now.getUTCFullYear()}/${randomUUID()}-${sha256.slice(0, 16)}`;
}

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** Stores refuse anything else: a key that is not generated here is a bug or an attack. */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error("Refused a storage key that Headway did not generate");
}
