/**
 * Evidence files in a folder on this machine: `<root>/<yyyy>/<uuid>-<hash>`. A file is written
 * under a temporary name and renamed into place, so a reader never sees half a file and a crash
 * leaves only a `.tmp` behind, never a truncated file under a real key.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey } from "@/server/storage/keys";
import type { EvidenceStorage } from "@/server/storage/storage";

export class LocalDiskStorage implements EvidenceStorage {
  constructor(readonly root: string) {}

  /** The file's path. Keys are checked first, so no key can leave `root`. */
  pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  // No content type: a file on disk carries none, and the database keeps it.
  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      // Owner read/write only: the web server, not other accounts on the machine, reads these.
      await writeFile(temp, bytes, { flag: "wx", mode: 0o600, flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
