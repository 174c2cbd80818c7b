import { guardedProcedure, router } from "@/server/api/trpc";
import { setPublicContactSchema, setPublicPageSchema } from "@/server/schemas/area";
import { bySlug } from "@/server/schemas/common";
import { setPublicContact, setPublicPage } from "@/server/services/public/public-area";
import { areaHome, listMyAreas } from "@/server/services/plans/areas";
import { areaPeople } from "@/server/services/plans/area-people";

export const areaRouter = router({
  /** The areas the signed-in person may read, with their role in each. */
  list: guardedProcedure("plan.read").query(({ ctx }) => listMyAreas(ctx)),
  /** An area's home: findings, actions and delivery RAG of its current plan. */
  home: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => areaHome(ctx, input.slug)),
  /** Who holds a role in the area and the recent changes to those roles: the area's leads. */
  people: guardedProcedure("area.manageMembers").input(bySlug).query(({ ctx, input }) => areaPeople(ctx, input.slug)),
  /** Publish the public page for families, or take it down. The plan lead. */
  setPublicPage: guardedProcedure("area.publish").input(setPublicPageSchema).mutation(({ ctx, input }) => setPublicPage(ctx, input)),
  /** How families contact the council, shown on the public pages when set. The plan lead, who publishes them. */
  setPublicContact: guardedProcedure("area.publish").input(setPublicContactSchema).mutation(({ ctx, input }) => setPublicContact(ctx, input)),
});
