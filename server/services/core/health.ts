import "server-only";
import { getDb } from "@/server/db";
import type { PrismaClient } from "@/server/generated/prisma/client";

const TIMEOUT_MS = 3_000;

/** Asks the database a trivial question, giving up after 3 s so a hung database reads as down. */
export async function checkDatabase(db: Pick<PrismaClient, "$queryRaw"> = getDb()): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const t0 = Date.now();
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]).finally(() => clearTimeout(timer));
    return { ok: true, latencyMs: Date.now() - t0 };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").find((l) => l.trim()) || error.name : String(error);
    return { ok: false, latencyMs: Date.now() - t0, error: message || "no answer" };
  }
}
