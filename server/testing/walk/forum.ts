/** Walk entries for co-production, the forum's verdicts and evidence, and "you said, we did". */
import { createAction } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";

const entryFields = { findingId: "", youSaid: "The surgeries were all in the daytime.", weDid: "Two evening surgeries each term.", date: "2025-03-01" };

/** An entry of area A, drafted by `drafter`. */
const entry = (db: PrismaClient, fx: Fixture, drafter: string, published = false) =>
  db.youSaidWeDid.create({
    data: {
      localAreaId: fx.area.localAreaId,
      youSaid: entryFields.youSaid,
      weDid: entryFields.weDid,
      date: new Date("2025-03-01"),
      draftedById: drafter,
      ...(published ? { published: true, publishedAt: new Date() } : {}),
    },
    select: { id: true },
  });

export const FORUM_SPECS: Specs = {
  "forum.view": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "forum.disagreements": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "forum.coproductionForAction": { scope: "area", input: (fx) => ({ id: fx.area.actionId }) },
  "forum.recordCoproduction": {
    scope: "area",
    // Area A's action, which the CONTRIBUTOR owns: "own" is seen both ways.
    input: (fx) => ({
      actionId: fx.area.actionId,
      stage: "DESIGN",
      involved: ["PARENT_CARER_FORUM", "SENDIASS"],
      familiesReached: "12",
      date: "2025-03-01",
      note: "Workshop with families on the new annual review letter.",
    }),
    ownerId: (fx) => fx.users.CONTRIBUTOR,
    // assertMayRecord asks `can(…, "action.update")` and refuses on its own, to word the refusal by ownership.
    declaredCheckedBy: "can",
  },
  "forum.setClaimedLevel": {
    scope: "area",
    input: async (fx, db) => ({
      actionId: fx.area.actionId,
      level: "ENGAGING",
      version: (await db.action.findUniqueOrThrow({ where: { id: fx.area.actionId }, select: { version: true } })).version,
    }),
    ownerId: (fx) => fx.users.CONTRIBUTOR,
    // As forum.recordCoproduction: assertMayRecord.
    declaredCheckedBy: "can",
  },
  "forum.verdictsFor": { scope: "area", input: (fx) => ({ actionId: fx.area.actionId }) },
  "forum.recordVerdict": {
    scope: "area",
    // A fresh action each time: its first verdict replaces nothing.
    input: async (fx, db) => ({
      actionId: (await createAction(db, { findingId: fx.area.findingId, coproductionLevel: "CO_PRODUCING" })).id,
      verdict: "DISAGREE",
      levelRecognised: "CONSULTING",
      cornerstonesMet: ["WELCOME_AND_CARE"],
      text: "Families were shown a finished draft.",
      isPublic: false,
      replaces: "",
    }),
  },
  "forum.addEvidenceLink": {
    scope: "area",
    input: (fx) => ({
      actionId: fx.area.actionId,
      title: "Forum survey results",
      kind: "IMPACT",
      visibility: "PARTNERS",
      url: "https://forum.example/survey",
    }),
    // assertMayAdd asks `can(…, "forum.write")` and refuses on its own (the forum's own wording).
    declaredCheckedBy: "can",
  },
  "forum.youSaidWeDid": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "forum.proposeYouSaidWeDid": { scope: "area", input: (fx) => ({ slug: fx.area.slug, ...entryFields }) },
  "forum.draftYouSaidWeDid": { scope: "area", input: (fx) => ({ slug: fx.area.slug, ...entryFields }) },
  "forum.reviseProposal": {
    scope: "area",
    input: async (fx, db) => ({ id: (await entry(db, fx, fx.users.FORUM)).id, ...entryFields, weDid: "Evening surgeries." }),
  },
  "forum.reviseDraft": {
    scope: "area",
    input: async (fx, db) => ({ id: (await entry(db, fx, fx.users.LEAD)).id, ...entryFields, weDid: "Evening surgeries." }),
  },
  "forum.publishYouSaidWeDid": { scope: "area", input: async (fx, db) => ({ id: (await entry(db, fx, fx.users.LEAD)).id }) },
  "forum.commentOnYouSaidWeDid": {
    scope: "area",
    input: async (fx, db) => ({ id: (await entry(db, fx, fx.users.LEAD, true)).id, comment: "Families say the evening sessions helped." }),
  },
};
