/** Walk entries for areas, action reads and administration. */
import { createMembership, createUser, uniq } from "@/prisma/factories";
import type { Specs } from "@/server/testing/walk/spec";

// Codes no factory or seed uses (they use "T…" and 990/991).
let nextLaCode = 100;

export const CORE_SPECS: Specs = {
  "area.list": { scope: "self", input: () => undefined },
  "area.home": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "area.people": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "area.setPublicPage": { scope: "area", input: (fx) => ({ slug: fx.area.slug, published: true }) },
  "area.setPublicContact": { scope: "area", input: (fx) => ({ slug: fx.area.slug, email: `send-${uniq()}@council.example`, url: "https://council.example/send" }) },
  "action.byId": { scope: "area", input: (fx) => ({ id: fx.area.actionId }) },
  "admin.overview": { scope: "global", input: () => ({ q: "a", page: 1 }) },
  "admin.personRoles": { scope: "global", input: async (_fx, db) => ({ userId: (await createUser(db)).id }) },
  "admin.createArea": {
    scope: "global",
    input: () => ({ name: `Walk Area ${uniq()}`, laCode: String(nextLaCode++), region: "LONDON" }),
  },
  "admin.createUser": { scope: "global", input: () => ({ email: `new-${uniq()}@test.example`, name: "New Person" }) },
  "admin.grantMembership": {
    scope: "global",
    input: async (fx, db) => ({ userId: (await createUser(db)).id, localAreaId: fx.area.localAreaId, role: "VIEWER" }),
  },
  "admin.revokeMembership": {
    scope: "global",
    input: async (fx, db) => {
      const user = await createUser(db);
      const m = await createMembership(db, { userId: user.id, localAreaId: fx.area.localAreaId, role: "VIEWER" });
      return { membershipId: m.id };
    },
  },
};

