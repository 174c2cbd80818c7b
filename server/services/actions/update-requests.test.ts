/**
 * Update requests: a lead's one-off link to someone without an account. The token is kept only as
 * a hash, works once, for one action, for 14 days; the update it brings joins the timeline, is
 * audited and waits for the lead's acknowledgement.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createAreaWithPlan, createMembership, createUser, uniq } from "@/prisma/factories";
import { createCaller } from "@/server/api/root";
import { viewerOf } from "@/server/api/trpc";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { actingAs, callerFor, contextFor, createMember, fieldErrors, mailTo, refusal, testDb } from "@/server/testing/harness";
import { postViaUpdateRequest, sendUpdateRequest, updateRequestByToken } from "@/server/services/actions/update-requests";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

const DAY_MS = 86_400_000;
const UPDATE = { narrative: "The SENCO network met and trialled the new request form in four schools.", progress: 55, status: "IN_PROGRESS" as const };
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** An area whose action (20% done) is owned by a contributor; its lead; and a second action. */
async function scene() {
  const ownerId = (await createUser(db)).id;
  const area = await createAreaWithPlan(db, { action: { ownerId, status: "IN_PROGRESS", progress: 20 } });
  await createMembership(db, { userId: ownerId, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
  const leadId = await createMember(db, area.localAreaId, "LEAD", "Priya Lead");
  const other = await createAction(db, { findingId: area.findingId, localAreaId: area.localAreaId, progress: 10 });
  return { area, ownerId, leadId, otherActionId: other.id };
}

/** The token in the link of the latest email to `to`. */
function tokenSentTo(to: string): string {
  const mail = mailTo(to).at(-1);
  if (!mail) throw new Error(`No email to ${to}`);
  const match = /\/update\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error("The email has no update link");
  return match[1]!;
}

/** A request sent by the lead (through the service, so the clock can be set); returns its token. */
async function sent(s: Awaited<ReturnType<typeof scene>>, now = new Date()) {
  const email = `senco-${uniq()}@school.example`;
  const ctx = await contextFor(db, s.leadId);
  const request = await sendUpdateRequest({ ...ctx, viewer: viewerOf(ctx.session)! }, { actionId: s.area.actionId, email, message: "" }, now);
  return { email, token: tokenSentTo(email), id: request.id };
}

/** Posts as an anonymous visitor would, at `now`. */
async function postAt(token: string, now: Date) {
  const ctx = await contextFor(db, null);
  return postViaUpdateRequest({ ...ctx, viewer: null }, { token, ...UPDATE }, now);
}

/** What a refused link must leave untouched. */
async function untouched(actionId: string, localAreaId: string) {
  const action = await db.action.findUniqueOrThrow({ where: { id: actionId } });
  return {
    action: { status: action.status, progress: action.progress, lastUpdateAt: action.lastUpdateAt },
    updates: await db.actionUpdate.count({ where: { actionId } }),
    requests: await db.updateRequest.findMany({ where: { actionId }, select: { usedAt: true, updateId: true }, orderBy: { id: "asc" } }),
    audits: await db.auditEvent.count({ where: { localAreaId } }),
  };
}

describe("updateRequest.send", () => {
  it("emails a link whose token is stored only as its hash, for 14 days, and audits the sending", async () => {
    const s = await scene();
    const email = `senco-${uniq()}@school.example`;
    const { api, requestId } = await actingAs(db, s.leadId);
    const returned = await api.updateRequest.send({ actionId: s.area.actionId, email: ` ${email.toUpperCase()} `, message: "How did the pilot go?" });

    const mail = mailTo(email);
    expect(mail).toHaveLength(1);
    const token = tokenSentTo(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail[0]!.subject).toContain("action 1.1");
    expect(mail[0]!.text).toContain("How did the pilot go?");
    expect(mail[0]!.html).toContain(`/update/${token}`);

    // The link travels only by email: the lead's answer carries neither the token nor its hash.
    expect(JSON.stringify(returned)).not.toContain(token);
    expect(returned).not.toHaveProperty("tokenHash");
    const row = await db.updateRequest.findUniqueOrThrow({ where: { id: returned.id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ email, actionId: s.area.actionId, localAreaId: s.area.localAreaId, sentById: s.leadId, usedAt: null, updateId: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * DAY_MS);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId, action: "updateRequest.send" } });
    expect(audit).toMatchObject({ actorId: s.leadId, entityType: "UpdateRequest", entityId: row.id, localAreaId: s.area.localAreaId });
    expect(audit.after).toMatchObject({ actionId: s.area.actionId, email });
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it("is for the plan lead only: other roles are refused, another area's lead does not find the action", async () => {
    const s = await scene();
    const before = await untouched(s.area.actionId, s.area.localAreaId);
    const input = { actionId: s.area.actionId, email: `x-${uniq()}@school.example`, message: "" };
    for (const role of ["CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
      const api = await callerFor(db, await createMember(db, s.area.localAreaId, role));
      expect((await refusal(api.updateRequest.send(input))).code, role).toBe("FORBIDDEN");
    }
    // The owner of the action is a contributor, and still may not ask outsiders.
    expect((await refusal((await callerFor(db, s.ownerId)).updateRequest.send(input))).code).toBe("FORBIDDEN");
    const otherArea = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, otherArea.localAreaId, "LEAD"));
    expect((await refusal(stranger.updateRequest.send(input))).code).toBe("NOT_FOUND");
    expect((await refusal((await callerFor(db, null)).updateRequest.send(input))).code).toBe("UNAUTHORIZED");
    expect(await untouched(s.area.actionId, s.area.localAreaId)).toEqual(before);
    expect(mailTo(input.email)).toEqual([]);
  });

  it("refuses an address that is not an email address", async () => {
    const s = await scene();
    const { api } = await actingAs(db, s.leadId);
    expect((await refusal(api.updateRequest.send({ actionId: s.area.actionId, email: "senco at school", message: "" }))).code).toBe("BAD_REQUEST");
  });
});

describe("updateRequest.listForAction", () => {
  it("shows the lead each request and where it stands; the forum may not see partners' addresses", async () => {
    const s = await scene();
    const t0 = new Date(Date.now() - 20 * DAY_MS);
    const expired = await sent(s, t0);
    const used = await sent(s);
    const waiting = await sent(s);
    await postAt(used.token, new Date());

    const { api } = await actingAs(db, s.leadId);
    const list = await api.updateRequest.listForAction({ id: s.area.actionId });
    const stateOf = (id: string) => list.find((r) => r.id === id)?.state;
    expect([stateOf(expired.id), stateOf(used.id), stateOf(waiting.id)]).toEqual(["EXPIRED", "USED", "WAITING"]);
    expect(list[0]!.sentBy?.name).toBe("Priya Lead");
    expect(JSON.stringify(list)).not.toContain(sha256(waiting.token));

    const forum = await callerFor(db, await createMember(db, s.area.localAreaId, "FORUM"));
    expect((await refusal(forum.updateRequest.listForAction({ id: s.area.actionId }))).code).toBe("FORBIDDEN");
  });
});

describe("updateRequest.byToken", () => {
  it("shows the action, its finding, the message and where it stands, and nothing internal", async () => {
    const s = await scene();
    const email = `senco-${uniq()}@school.example`;
    const { api } = await actingAs(db, s.leadId);
    await api.updateRequest.send({ actionId: s.area.actionId, email, message: "Please include the attendance figures." });
    const page = await (await callerFor(db, null)).updateRequest.byToken({ token: tokenSentTo(email) });
    expect(page.state).toBe("WAITING");
    if (page.state !== "WAITING") return;
    const area = await db.localArea.findUniqueOrThrow({ where: { id: s.area.localAreaId } });
    expect(page).toMatchObject({ areaName: area.name, actionRef: "1.1", message: "Please include the attendance figures." });
    expect(Object.keys(page.action).sort()).toEqual(["finding", "progress", "ref", "status", "title"]);
    expect(page.action).toMatchObject({ ref: "1.1", progress: 20, status: "IN_PROGRESS", finding: { ref: "1" } });
    expect(JSON.stringify(page)).not.toContain(email);
  });

  it("answers invalid for an unknown or tampered token, expired after 14 days, used once posted", async () => {
    const s = await scene();
    const t0 = new Date("2026-03-02T10:00:00Z");
    const { token } = await sent(s, t0);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await updateRequestByToken(db, tampered, t0)).state).toBe("INVALID");
    expect((await updateRequestByToken(db, "a".repeat(43), t0)).state).toBe("INVALID");
    expect((await updateRequestByToken(db, token, new Date(t0.getTime() + 14 * DAY_MS - 1))).state).toBe("WAITING");
    expect((await updateRequestByToken(db, token, new Date(t0.getTime() + 14 * DAY_MS))).state).toBe("EXPIRED");
    await postAt(token, new Date(t0.getTime() + DAY_MS));
    expect((await updateRequestByToken(db, token, new Date(t0.getTime() + 2 * DAY_MS))).state).toBe("USED");
  });

  it("refuses what could not be a token before any query", async () => {
    const anon = await callerFor(db, null);
    expect((await refusal(anon.updateRequest.byToken({ token: "short" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(anon.updateRequest.byToken({ token: `${"a".repeat(42)}/` }))).code).toBe("BAD_REQUEST");
  });
});

describe("updateRequest.post", () => {
  it("posts one update on that action from the address asked, audited without an actor, awaiting the lead's acknowledgement", async () => {
    const s = await scene();
    const { token, email, id } = await sent(s);
    const otherBefore = await untouched(s.otherActionId, s.area.localAreaId).then((u) => ({ action: u.action, updates: u.updates }));
    const anonCtx = await contextFor(db, null);
    // An actionId sent alongside is not the link's to choose: the token names the action.
    const posted = await createCaller(anonCtx).updateRequest.post({ token, ...UPDATE, actionId: s.otherActionId } as never);
    const area = await db.localArea.findUniqueOrThrow({ where: { id: s.area.localAreaId } });
    expect(posted).toEqual({ areaName: area.name });

    const request = await db.updateRequest.findUniqueOrThrow({ where: { id } });
    expect(request.usedAt).not.toBeNull();
    const update = await db.actionUpdate.findUniqueOrThrow({ where: { id: request.updateId! } });
    expect(update).toMatchObject({ actionId: s.area.actionId, authorId: null, ...UPDATE, ragOverride: null, acknowledgedAt: null });
    expect(await db.action.findUniqueOrThrow({ where: { id: s.area.actionId } })).toMatchObject({
      progress: 55,
      status: "IN_PROGRESS",
      lastUpdateAt: update.createdAt,
    });
    expect(await untouched(s.otherActionId, s.area.localAreaId).then((u) => ({ action: u.action, updates: u.updates }))).toEqual(otherBefore);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId: anonCtx.requestId } });
    expect(audit).toMatchObject({ actorId: null, action: "action.postUpdate", entityId: s.area.actionId, localAreaId: s.area.localAreaId });
    expect(audit.after).toMatchObject({ updateId: update.id, via: "updateRequest", updateRequestId: id, email, progress: 55 });
    expect(JSON.stringify(audit)).not.toContain(token);

    // The lead sees who it came from, and acknowledges it like any other.
    const { api } = await actingAs(db, s.leadId);
    const shown = await api.action.byId({ id: s.area.actionId });
    expect(shown.updates[0]).toMatchObject({ id: update.id, author: null, updateRequest: { email }, acknowledgedAt: null });
    await api.action.acknowledgeUpdate({ updateId: update.id });
    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ acknowledgedById: s.leadId });
  });

  it("works once: a second post is refused and changes nothing", async () => {
    const s = await scene();
    const { token } = await sent(s);
    const anon = await callerFor(db, null);
    await anon.updateRequest.post({ token, ...UPDATE });
    const before = await untouched(s.area.actionId, s.area.localAreaId);
    const e = await refusal(anon.updateRequest.post({ token, ...UPDATE, narrative: "A second go." }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/already been used.*new link/);
    expect(await untouched(s.area.actionId, s.area.localAreaId)).toEqual(before);
  });

  it("two posts at once: exactly one update", async () => {
    const s = await scene();
    const { token } = await sent(s);
    const results = await Promise.allSettled([
      (await callerFor(db, null)).updateRequest.post({ token, ...UPDATE }),
      (await callerFor(db, null)).updateRequest.post({ token, ...UPDATE, narrative: "Sent twice by a double click." }),
      (await callerFor(db, null)).updateRequest.post({ token, ...UPDATE, narrative: "And a third time." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.actionUpdate.count({ where: { actionId: s.area.actionId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "action.postUpdate", entityId: s.area.actionId } })).toBe(1);
  });

  it("an expired link is refused and changes nothing", async () => {
    const s = await scene();
    const t0 = new Date(Date.now() - 30 * DAY_MS);
    const { token } = await sent(s, t0);
    const before = await untouched(s.area.actionId, s.area.localAreaId);
    await expect(postAt(token, new Date(t0.getTime() + 14 * DAY_MS))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/expired/) });
    const e = await refusal((await callerFor(db, null)).updateRequest.post({ token, ...UPDATE }));
    expect(e.code).toBe("CONFLICT");
    expect(await untouched(s.area.actionId, s.area.localAreaId)).toEqual(before);
  });

  it("a tampered or unknown token is refused and changes nothing", async () => {
    const s = await scene();
    const { token } = await sent(s);
    const before = await untouched(s.area.actionId, s.area.localAreaId);
    const anon = await callerFor(db, null);
    const tampered = `${token.slice(0, 10)}${token[10] === "x" ? "y" : "x"}${token.slice(11)}`;
    expect((await refusal(anon.updateRequest.post({ token: tampered, ...UPDATE }))).code).toBe("NOT_FOUND");
    // The hash itself is no key either.
    expect((await refusal(anon.updateRequest.post({ token: sha256(token), ...UPDATE }))).code).toBe("NOT_FOUND");
    expect((await refusal(anon.updateRequest.post({ token: token.slice(0, 12), ...UPDATE }))).code).toBe("BAD_REQUEST");
    expect(await untouched(s.area.actionId, s.area.localAreaId)).toEqual(before);
    // The real link still works afterwards.
    await anon.updateRequest.post({ token, ...UPDATE });
  });

  it("checks the update as a check-in is checked", async () => {
    const s = await scene();
    const { token } = await sent(s);
    const anon = await callerFor(db, null);
    expect((await refusal(anon.updateRequest.post({ token, ...UPDATE, narrative: " " }))).code).toBe("BAD_REQUEST");
    expect((await refusal(anon.updateRequest.post({ token, ...UPDATE, progress: 140 }))).code).toBe("BAD_REQUEST");
    expect((await refusal(anon.updateRequest.post({ token, ...UPDATE, progress: 90, status: "COMPLETE" }))).code).toBe("BAD_REQUEST");
    expect((await db.updateRequest.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
  });

  it("leaves a RAG the lead set by hand as it is", async () => {
    const s = await scene();
    await db.action.update({ where: { id: s.area.actionId }, data: { ragOverride: "RED", ragOverrideReason: "Recruitment has stalled." } });
    const { token } = await sent(s);
    await (await callerFor(db, null)).updateRequest.post({ token, ...UPDATE });
    expect(await db.action.findUniqueOrThrow({ where: { id: s.area.actionId } })).toMatchObject({ ragOverride: "RED", ragOverrideReason: "Recruitment has stalled." });
  });
});

describe("updateRequest.revoke", () => {
  it("the lead withdraws an unused link: audited, its page says withdrawn, and a post through it is refused and changes nothing", async () => {
    const s = await scene();
    const { token, id, email } = await sent(s);
    const { api, requestId } = await actingAs(db, s.leadId);
    expect(await api.updateRequest.revoke({ id })).toEqual({ id, state: "REVOKED" });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(audit).toMatchObject({ actorId: s.leadId, action: "updateRequest.revoke", entityId: id, localAreaId: s.area.localAreaId });
    expect(audit.after).toMatchObject({ actionId: s.area.actionId, email });
    expect((await (await callerFor(db, null)).updateRequest.byToken({ token })).state).toBe("REVOKED");
    expect((await api.updateRequest.listForAction({ id: s.area.actionId })).find((r) => r.id === id)?.state).toBe("REVOKED");

    const before = await untouched(s.area.actionId, s.area.localAreaId);
    const e = await refusal((await callerFor(db, null)).updateRequest.post({ token, ...UPDATE }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("This link has been withdrawn by the person who sent it. Nothing was sent.");
    expect(await untouched(s.area.actionId, s.area.localAreaId)).toEqual(before);

    // Withdrawn once: a second withdrawal is refused.
    expect((await refusal(api.updateRequest.revoke({ id }))).message).toBe("This link has already been withdrawn.");
  });

  it("a used link cannot be withdrawn; only the lead withdraws, and another area's lead does not find it", async () => {
    const s = await scene();
    const used = await sent(s);
    await postAt(used.token, new Date());
    const { api } = await actingAs(db, s.leadId);
    const e = await refusal(api.updateRequest.revoke({ id: used.id }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("This link has already been used to send an update, so there is nothing to withdraw.");

    const waiting = await sent(s);
    for (const role of ["CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
      const other = await callerFor(db, await createMember(db, s.area.localAreaId, role));
      expect((await refusal(other.updateRequest.revoke({ id: waiting.id }))).code).toBe("FORBIDDEN");
    }
    const elsewhere = await createAreaWithPlan(db);
    const otherLead = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(otherLead.updateRequest.revoke({ id: waiting.id }))).code).toBe("NOT_FOUND");
    expect((await db.updateRequest.findUniqueOrThrow({ where: { id: waiting.id } })).revokedAt).toBeNull();
  });
});

describe("an update through a link, as each reader sees it", () => {
  it("the forum reads 'a partner', never the address; the lead reads the address", async () => {
    const s = await scene();
    const { token, email } = await sent(s);
    await postAt(token, new Date());
    const forum = await callerFor(db, await createMember(db, s.area.localAreaId, "FORUM"));
    const seenByForum = await forum.action.byId({ id: s.area.actionId });
    expect(seenByForum.updates[0]!.updateRequest).toEqual({ email: null, organisation: null });
    expect(JSON.stringify(seenByForum)).not.toContain(email);
    const seenByLead = await (await callerFor(db, s.leadId)).action.byId({ id: s.area.actionId });
    expect(seenByLead.updates[0]!.updateRequest).toEqual({ email, organisation: null });
  });

  it("named by the lead, the partner's organisation is what the forum reads; only the area's organisations may be named", async () => {
    const s = await scene();
    const { api } = await actingAs(db, s.leadId);
    const elsewhere = await createAreaWithPlan(db);
    const refused = await refusal(api.updateRequest.send({ actionId: s.area.actionId, email: `x-${uniq()}@school.example`, organisationId: elsewhere.councilId, message: "" }));
    expect(fieldErrors(refused)).toEqual({ organisationId: "Choose one of the organisations listed" });

    const email = `senco-${uniq()}@school.example`;
    await api.updateRequest.send({ actionId: s.area.actionId, email, organisationId: s.area.councilId, message: "" });
    await postAt(tokenSentTo(email), new Date());
    const council = await db.organisation.findUniqueOrThrow({ where: { id: s.area.councilId } });
    const forum = await callerFor(db, await createMember(db, s.area.localAreaId, "FORUM"));
    const seen = await forum.action.byId({ id: s.area.actionId });
    expect(seen.updates[0]!.updateRequest).toEqual({ email: null, organisation: council.name });
    expect(JSON.stringify(seen)).not.toContain(email);
  });
});
