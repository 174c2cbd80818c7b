/** Walk entries for update requests: the lead's sending and list, and the link's public page and post. */
import { uniq } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { hashUpdateRequestToken, newUpdateRequestToken } from "@/server/services/actions/update-requests";

/** A fresh, unused request on area A's action; returns its token, as the link would carry it, and its id. */
async function freshRequestWithId(fx: Fixture, db: PrismaClient): Promise<{ token: string; id: string }> {
  const token = newUpdateRequestToken();
  const { id } = await db.updateRequest.create({
    data: {
      localAreaId: fx.area.localAreaId,
      actionId: fx.area.actionId,
      email: `partner-${uniq()}@school.example`,
      tokenHash: hashUpdateRequestToken(token),
      sentById: fx.users.LEAD,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { token, id };
}

async function freshRequest(fx: Fixture, db: PrismaClient): Promise<string> {
  return (await freshRequestWithId(fx, db)).token;
}

export const UPDATE_REQUEST_SPECS: Specs = {
  "updateRequest.send": {
    scope: "area",
    input: (fx) => ({ actionId: fx.area.actionId, email: `senco-${uniq()}@school.example`, message: "Please tell us how the pilot went." }),
  },
  "updateRequest.revoke": { scope: "area", input: async (fx, db) => ({ id: (await freshRequestWithId(fx, db)).id }) },
  "updateRequest.listForAction": { scope: "area", input: (fx) => ({ id: fx.area.actionId }) },
  "updateRequest.byToken": { scope: "area", input: async (fx, db) => ({ token: await freshRequest(fx, db) }) },
  "updateRequest.post": {
    scope: "area",
    input: async (fx, db) => ({ token: await freshRequest(fx, db), narrative: "The pilot ran in three schools.", progress: 40, status: "IN_PROGRESS" }),
  },
};
