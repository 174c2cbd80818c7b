/** Walk entries for API tokens: the area's plan lead manages them, and an administrator, in any area. */
import { addDays, fromDay, utcDay } from "@/lib/calendar";
import { uniq } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { hashApiToken, newApiToken } from "@/server/services/api/api-tokens";
import type { Fixture, Outcome, Specs, Who } from "@/server/testing/walk/spec";

/** An administrator holds apiToken.manage in every area, which the area table cannot say. */
const adminToo = (who: Who): Outcome | undefined => (who === "ADMIN" ? "OK" : undefined);

/** A fresh token of area A, made by its lead. */
async function freshToken(fx: Fixture, db: PrismaClient) {
  const secret = newApiToken();
  return db.apiToken.create({
    data: {
      localAreaId: fx.area.localAreaId,
      name: `Walk token ${uniq()}`,
      scopes: ["PLAN_READ"],
      tokenHash: hashApiToken(secret),
      prefix: secret.slice(0, 7),
      createdById: fx.users.LEAD,
      expiresAt: addDays(utcDay(new Date()), 30),
    },
    select: { id: true },
  });
}

export const API_TOKEN_SPECS: Specs = {
  "apiToken.list": { scope: "area", input: (fx) => ({ slug: fx.area.slug }), outcome: adminToo },
  "apiToken.create": {
    scope: "area",
    input: (fx) => ({ slug: fx.area.slug, name: `Returns system ${uniq()}`, scopes: ["plan:read", "values:write"], expiresOn: fromDay(addDays(utcDay(new Date()), 90)) }),
    outcome: adminToo,
  },
  "apiToken.revoke": { scope: "area", input: async (fx, db) => ({ id: (await freshToken(fx, db)).id }), outcome: adminToo },
};
