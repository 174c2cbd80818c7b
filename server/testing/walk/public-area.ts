/** Walk entries for the public pages: anyone, signed in or not, may read a published area and the service's status. */
import type { Specs } from "@/server/testing/walk/spec";

export const PUBLIC_AREA_SPECS: Specs = {
  "publicArea.list": { scope: "global", input: () => undefined },
  "publicArea.bySlug": {
    scope: "area",
    input: async (fx, db) => {
      // Only a published page is there to read; the walk checks that everybody may read it.
      await db.localArea.update({ where: { id: fx.area.localAreaId }, data: { publicPagePublished: true } });
      return { slug: fx.area.slug };
    },
  },
  "publicArea.finding": {
    scope: "area",
    input: async (fx, db) => {
      await db.localArea.update({ where: { id: fx.area.localAreaId }, data: { publicPagePublished: true } });
      const { ref } = await db.finding.findUniqueOrThrow({ where: { id: fx.area.findingId }, select: { ref: true } });
      return { slug: fx.area.slug, ref };
    },
  },
  "publicArea.serviceStatus": { scope: "global", input: () => undefined },
};
