/**
 * tRPC for server components: pages read through the same routers (and so the same permission
 * checks) the browser uses, and pass what they read to client components as props.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { makeQueryClient } from "@/lib/query-client";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { routes } from "@/lib/routes";

export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: createContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/**
 * Fetches for a page and turns refusals into the right page: sign in, "page not found" (which
 * is also what another area's records answer), or "you do not have permission".
 */
export async function loadForPage<T>(load: Promise<T>, returnTo: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect(routes.signIn({ callbackUrl: returnTo }));
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
      if (error.code === "FORBIDDEN") forbidden();
    }
    throw error;
  }
}
