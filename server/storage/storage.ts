/**
 * Where evidence files live. Local disk by default; S3-compatible object storage when S3_BUCKET
 * is set (needed as soon as more than one Headway instance runs, since each would otherwise
 * see only its own disk). Callers never see which: they put, get and delete by generated key
 * (server/storage/keys.ts), and a store refuses any other key.
 */
import "server-only";
import path from "node:path";
import { env } from "@/server/env.js";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { S3Storage } from "@/server/storage/s3";

export interface EvidenceStorage {
  /** Stores `bytes` under `key`, replacing nothing: keys are unique. Resolves once durable. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the file; removing a file that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** The local folder used when STORAGE_DIR is not set. */
export const DEFAULT_STORAGE_DIR = path.join(".data", "evidence");

let storage: EvidenceStorage | undefined;

/** The configured store, created on first use. */
export function getStorage(): EvidenceStorage {
  if (!storage) {
    storage = env.S3_BUCKET
      ? new S3Storage({
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          // env.js refuses S3_BUCKET without both keys.
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
        })
      : // The folder is chosen at run time; the comment keeps the bundler from tracing the whole project.
        new LocalDiskStorage(path.resolve(/* turbopackIgnore: true */ process.cwd(), env.STORAGE_DIR ?? DEFAULT_STORAGE_DIR));
  }
  return storage;
}
