/**
 * The one way to write an audit event. Call it with the transaction the change runs in, so the
 * change and its record commit or fail together. The table refuses UPDATE and DELETE.
 */
import type { ServiceContext } from "@/server/services/core/context";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";

export type Tx = Prisma.TransactionClient;
/** A client or a transaction: for reads that may run inside either. */
export type Db = PrismaClient | Tx;

export type AuditEntry = {
  /** The verb, named like the procedure: "membership.grant". */
  action: string;
  entityType: string;
  entityId: string;
  localAreaId?: string | null;
  before?: unknown;
  after?: unknown;
};

// Dates, undefined and class instances become plain JSON.
const json = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/**
 * Who acted: a signed-in person, or nobody (`viewer` null) when the change comes from the command
 * line; through an API token, the person who made it, and the token.
 */
export type AuditActor = { viewer: { userId: string } | null; requestId: ServiceContext["requestId"]; apiToken?: { id: string } };

function auditRow(ctx: AuditActor, entry: AuditEntry) {
  return {
    actorId: ctx.viewer?.userId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    localAreaId: entry.localAreaId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    requestId: ctx.requestId,
    apiTokenId: ctx.apiToken?.id ?? null,
  } satisfies Prisma.AuditEventUncheckedCreateInput;
}

export async function recordAudit(tx: Tx, ctx: AuditActor, entry: AuditEntry) {
  await tx.auditEvent.create({ data: auditRow(ctx, entry) });
}

/** Many events in one insert: for a change that touches many records at once. */
export async function recordAudits(tx: Tx, ctx: AuditActor, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({ data: entries.map((entry) => auditRow(ctx, entry)) });
}

/**
 * How long a transaction may wait for one of the pool's connections. Prisma's default (2 s) fails
 * requests in a burst (200 check-ins at once on a pool of 10: server/api/concurrency.test.ts); they
 * queue instead, each transaction itself being short. The bound is a gateway's usual timeout: a
 * request still waiting then has been given up on anyway. (A database that is down fails sooner:
 * connecting gives up after 5 s, server/db.ts.)
 */
const MAX_WAIT_MS = 30_000;

/** Runs `work` in one transaction; everything it writes, audit included, commits together. */
export function inTransaction<T>(ctx: Pick<ServiceContext, "db">, work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  return ctx.db.$transaction(work, { maxWait: MAX_WAIT_MS, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) });
}
