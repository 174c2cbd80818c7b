/**
 * A person's rights over what Headway holds about them (PRIVACY.md), exercised by an
 * administrator (global ADMIN) on the council's behalf:
 *
 * - Access: everything held about the person, as one JSON document.
 * - Erasure: the person's name and email become a stable pseudonym ("Former user 3f2a")
 *   wherever they are stored, and the person can never sign in again. What they did stays, as
 *   the council's record of the plan, attributed to the pseudonym: updates, comments and
 *   evidence are the plan's history, and the audit trail (append-only) keeps pointing at the
 *   same row, which now bears the pseudonym. Audit events hold ids, never names or emails, so
 *   they need no rewriting.
 *
 * Names are stored in a few places besides the person's row: frozen plan states (snapshots, which
 * name action owners), notifications to others, rate-limit counters keyed by email. Rather than a
 * list that the next such column would fall out of, erasure rewrites every text and JSON column
 * of every table, as a whole word, but those that are append-only (the audit trail, forum
 * verdicts): see `replaceEverywhere`.
 */
import { createHash } from "node:crypto";
import type { ServiceContext } from "@/server/services/core/context";
import { AppError, notFound } from "@/server/errors";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";

/** The same person always gets the same pseudonym: erasing twice changes nothing more. */
export function pseudonymOf(userId: string): { name: string; email: string } {
  const hex = createHash("sha256").update(`headway-erased:${userId}`).digest("hex");
  // The email only has to be unique and undeliverable (.invalid is reserved for that).
  return { name: `Former user ${hex.slice(0, 4)}`, email: `former-user-${hex.slice(0, 16)}@erased.invalid` };
}

/** Tables whose rows may never change (triggers refuse it), and Prisma's own. */
const NOT_REWRITTEN = new Set(["AuditEvent", "ForumVerdict", "_prisma_migrations", "User"]);

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const regexLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces `from` with `to` in every text and JSON column of the application's tables, where it
 * stands as a whole word ("Lee" in "Lee, owner" but not in "Leeds"). In JSON, the text is
 * matched as JSON writes it (quotes and backslashes escaped). Returns how many rows changed.
 */
async function replaceEverywhere(tx: Tx, from: string, to: string): Promise<number> {
  const columns = await tx.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "type"
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb')
    ORDER BY table_name, column_name`;
  let changed = 0;
  for (const { table, column, type } of columns) {
    if (NOT_REWRITTEN.has(table)) continue;
    const json = type === "json" || type === "jsonb";
    const [f, t] = json ? [JSON.stringify(from).slice(1, -1), JSON.stringify(to).slice(1, -1)] : [from, to];
    // A word edge: the start or end of the text, or a character that is neither a letter nor a digit.
    const pattern = `(^|[^[:alnum:]_])${regexLiteral(f)}($|[^[:alnum:]_])`;
    const replacement = `\\1${t.replace(/\\/g, "\\\\")}\\2`;
    const col = quoteIdent(column);
    const value = json ? `${col}::text` : col;
    const rewritten = `regexp_replace(${value}, $1, $2, 'g')`;
    changed += await tx.$executeRawUnsafe(
      `UPDATE ${quoteIdent(table)} SET ${col} = ${json ? `(${rewritten})::${type}` : rewritten} WHERE ${value} ~ $1`,
      pattern,
      replacement,
    );
  }
  return changed;
}

/**
 * Erases a person: pseudonym for name and email everywhere, sign-in ended for good (sessions,
 * linked Microsoft accounts, pending sign-in links, the password), memberships ended, their own
 * notifications and settings deleted. Audited, with the pseudonym only.
 */
const ERASE_TIMEOUT_MS = 120_000;

export async function erasePerson(ctx: ServiceContext, userId: string) {
  if (userId === ctx.viewer.userId) throw new AppError("INVALID", "You cannot erase your own account: ask another administrator to do it.");
  return inTransaction(ctx, async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, disabledAt: true, erasedAt: true } });
    if (!person) throw notFound("That person");
    const pseudonym = pseudonymOf(person.id);
    const now = new Date();

    // Signing in: nothing left to sign in with; the session check refuses a disabled person, and
    // any session begun before now (sessionsValidAfter), at once.
    await tx.account.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    if (person.email) await tx.verificationToken.deleteMany({ where: { identifier: { equals: person.email, mode: "insensitive" } } });
    const memberships = await tx.membership.findMany({ where: { userId }, select: { localAreaId: true, role: true } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.notificationPreference.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        name: pseudonym.name,
        email: pseudonym.email,
        emailVerified: null,
        image: null,
        jobTitle: null,
        passwordHash: null,
        globalRole: null,
        disabledAt: person.disabledAt ?? now,
        // Every session begun before now ends, as "sign out everywhere" ends them.
        sessionsValidAfter: now,
        erasedAt: person.erasedAt ?? now,
      },
    });

    // Longest first, so an email containing the name is replaced whole.
    const replacements = [
      [person.email, pseudonym.email],
      [person.email?.toLowerCase(), pseudonym.email],
      [person.name, pseudonym.name],
    ]
      .filter((pair): pair is [string, string] => !!pair[0] && pair[0] !== pair[1])
      .sort((a, b) => b[0].length - a[0].length);
    let rowsRewritten = 0;
    for (const [from, to] of replacements) rowsRewritten += await replaceEverywhere(tx, from, to);

    await recordAudit(tx, ctx, {
      action: "user.erase",
      entityType: "User",
      entityId: userId,
      after: { name: pseudonym.name, erasedAt: person.erasedAt ?? now, membershipsEnded: memberships, rowsRewritten },
    });
    return { id: userId, name: pseudonym.name };
    // A rare administrator action that rewrites every text column of every table: it may take
    // longer than the 5 s a form's transaction is given, and must still finish as one.
  }, { timeoutMs: ERASE_TIMEOUT_MS });
}

/**
 * Everything Headway holds about a person, for a subject access request: their account, roles,
 * and every record they wrote or that names them, with where it is. What the person wrote about
 * others is theirs to receive as part of it (the council decides what to withhold before sending).
 */
export async function personalDataOf(ctx: Pick<ServiceContext, "db">, userId: string) {
  const { db } = ctx;
  const person = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      jobTitle: true,
      globalRole: true,
      isDemo: true,
      disabledAt: true,
      erasedAt: true,
      createdAt: true,
      updatedAt: true,
      organisation: { select: { name: true, kind: true } },
      accounts: { select: { provider: true, type: true } },
      notificationPreference: { omit: { userId: true } },
    },
  });
  if (!person) throw notFound("That person");
  const where = (field: string) => ({ [field]: userId });
  const area = { select: { name: true, slug: true } } as const;
  const action = { select: { ref: true, title: true, localArea: area } } as const;
  const [
    memberships,
    actionUpdates,
    acknowledgedUpdates,
    comments,
    ownedActions,
    ownedMeasures,
    measureValues,
    evidenceUploaded,
    evidenceReviewed,
    evidenceWithdrawn,
    coproductionRecords,
    forumVerdicts,
    youSaidWeDid,
    adviserNotes,
    changeRequests,
    snapshots,
    updateRequestsSent,
    apiTokens,
    notifications,
    auditEvents,
  ] = await Promise.all([
    db.membership.findMany({ where: where("userId"), select: { role: true, createdAt: true, localArea: area } }),
    db.actionUpdate.findMany({
      where: where("authorId"),
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, narrative: true, progress: true, status: true, ragOverride: true, ragOverrideReason: true, action },
    }),
    db.actionUpdate.findMany({ where: where("acknowledgedById"), select: { id: true, acknowledgedAt: true, action } }),
    db.comment.findMany({
      where: where("authorId"),
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        createdAt: true,
        body: true,
        visibility: true,
        localArea: area,
        action: { select: { ref: true, title: true } },
        finding: { select: { ref: true } },
        measure: { select: { ref: true, name: true } },
      },
    }),
    db.action.findMany({ where: where("ownerId"), select: { id: true, ref: true, title: true, status: true, localArea: area } }),
    db.measure.findMany({ where: where("ownerId"), select: { id: true, ref: true, name: true, localArea: area } }),
    db.measureValue.findMany({
      where: where("enteredById"),
      select: { id: true, periodEnd: true, value: true, note: true, createdAt: true, measure: { select: { ref: true, name: true } } },
    }),
    db.evidence.findMany({
      where: where("uploadedById"),
      select: { id: true, title: true, description: true, fileName: true, url: true, createdAt: true, withdrawnAt: true, fileDeletedAt: true, localArea: area },
    }),
    db.evidence.findMany({ where: where("reviewedById"), select: { id: true, title: true, reviewStatus: true, reviewNote: true, reviewedAt: true } }),
    db.evidence.findMany({ where: where("withdrawnById"), select: { id: true, title: true, withdrawnAt: true, withdrawalReason: true } }),
    db.coproductionRecord.findMany({ where: where("recordedById"), select: { id: true, stage: true, date: true, note: true, action } }),
    db.forumVerdict.findMany({ where: where("authorId"), select: { id: true, verdict: true, text: true, isPublic: true, createdAt: true, localArea: area } }),
    db.youSaidWeDid.findMany({
      where: { OR: [{ draftedById: userId }, { publishedById: userId }, { forumCommentById: userId }] },
      select: { id: true, youSaid: true, weDid: true, forumComment: true, date: true, draftedById: true, publishedById: true, forumCommentById: true },
    }),
    db.adviserNote.findMany({ where: where("authorId"), select: { id: true, note: true, view: true, date: true, localArea: area } }),
    db.changeRequest.findMany({
      where: { OR: [{ requestedById: userId }, { decidedById: userId }] },
      select: { id: true, field: true, reason: true, status: true, decisionNote: true, createdAt: true, decidedAt: true, requestedById: true, decidedById: true },
    }),
    db.snapshot.findMany({ where: where("takenById"), select: { id: true, label: true, takenAt: true, localArea: area } }),
    db.updateRequest.findMany({ where: where("sentById"), select: { id: true, email: true, message: true, createdAt: true, expiresAt: true, usedAt: true, action } }),
    // Tokens they made or revoked: never the token's hash.
    db.apiToken.findMany({
      where: { OR: [{ createdById: userId }, { revokedById: userId }] },
      select: { id: true, name: true, scopes: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdById: true, revokedById: true, localArea: area },
    }),
    db.notification.findMany({ where: where("userId"), orderBy: { createdAt: "asc" }, select: { kind: true, title: true, body: true, createdAt: true, readAt: true, emailedAt: true } }),
    db.auditEvent.findMany({ where: where("actorId"), orderBy: { at: "asc" }, select: { at: true, action: true, entityType: true, entityId: true } }),
  ]);
  return {
    exportedAt: new Date(),
    about: "Everything Headway holds about this person, for a subject access request. The council running Headway is the data controller (PRIVACY.md).",
    person,
    memberships,
    actionUpdates,
    acknowledgedUpdates,
    comments,
    ownedActions,
    ownedMeasures,
    measureValues,
    evidence: { uploaded: evidenceUploaded, reviewed: evidenceReviewed, withdrawn: evidenceWithdrawn },
    coproductionRecords,
    forumVerdicts,
    youSaidWeDid,
    adviserNotes,
    changeRequests,
    snapshots,
    updateRequestsSent,
    apiTokens,
    notifications,
    /** What the person did, as the audit trail records it (the details are the records above). */
    auditEvents,
  };
}
