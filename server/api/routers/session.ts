import { guardedProcedure, router } from "@/server/api/trpc";
import { signOutEverywhere } from "@/server/services/sessions/sessions";

/** The signed-in person's own sessions. (Signing out of this one is next-auth's sign-out.) */
export const sessionRouter = router({
  /** Ends every session of the caller's, on every device, this one included. */
  signOutEverywhere: guardedProcedure("signedIn").mutation(({ ctx }) => signOutEverywhere(ctx)),
});
