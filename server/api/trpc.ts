/**
 * tRPC infrastructure in three parts: context, init, procedures.
 *
 * Every procedure declares in its meta the guard it is held to (server/auth/permissions.ts).
 * Global guards are enforced here; area capabilities are enforced by the service, which must
 * find the record's area first and puts the tenant condition into its query.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { canGlobally, isGlobalCapability, type Guard, type Viewer } from "@/server/auth/permissions";
import { AppError, fieldErrorsOf } from "@/server/errors";
import { noteDatabaseOutage } from "@/server/resilience/database-outage";
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE } from "@/server/resilience/unavailable-wording";
import type { ServiceContext } from "@/server/services/core/context";

// 1. Context --------------------------------------------------------------------------------

/**
 * The inner context: what tests build directly for createCaller. A service's context
 * (server/services/core/context.ts) but for the viewer, which guardedProcedure works out from
 * the session.
 */
export type Context = Omit<ServiceContext, "viewer"> & { session: Session | null };

// 2. Init -----------------------------------------------------------------------------------

export type Meta = { guard: Guard };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => ({
      ...shape,
      // An unexpected failure's own text (SQL, stack) is for the server log, not the browser.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong and nothing was saved. Try again." : shape.message,
      data: {
        ...shape.data,
        fieldErrors: fieldErrorsOf(error.cause),
        details: error.cause instanceof AppError ? (error.cause.details ?? null) : null,
      },
    }),
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures -----------------------------------------------------------------------------

const CODE = { NOT_FOUND: "NOT_FOUND", FORBIDDEN: "FORBIDDEN", CONFLICT: "CONFLICT", INVALID: "BAD_REQUEST" } as const;

/**
 * A database outage as a 503 with a sentence to show, never a 500; the digest lets a page that
 * fails on it (server components call procedures too) say the same (app/error.tsx).
 */
export function databaseUnavailable(cause: unknown): TRPCError {
  return Object.assign(new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE.short, cause }), { digest: DATABASE_UNAVAILABLE_DIGEST });
}

/** Maps a service's AppError to a tRPC error, once, for every procedure; and an outage to 503. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODE[cause.code], message: cause.message, cause });
  }
  if (!result.ok && noteDatabaseOutage(result.error.cause)) throw databaseUnavailable(result.error.cause);
  return result;
});

const base = t.procedure.use(appErrors);

/** Published material only; anyone may call it. */
export const publicProcedure = base.meta({ guard: "public" });

export function viewerOf(session: Session | null): Viewer | null {
  const user = session?.user;
  if (!user?.id) return null;
  return {
    userId: user.id,
    globalRole: user.globalRole ?? null,
    memberships: (user.memberships ?? []).map((m) => ({ localAreaId: m.localAreaId, role: m.role })),
  };
}

/**
 * A procedure for signed-in people, held to `guard`. A global capability is checked here; an
 * area capability is checked by the service against the record's own area.
 */
export function guardedProcedure(guard: Exclude<Guard, "public">) {
  return base.meta({ guard }).use(({ ctx, next }) => {
    const viewer = viewerOf(ctx.session);
    if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    if (isGlobalCapability(guard) && !canGlobally(viewer, guard)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to do that." });
    }
    return next({ ctx: { ...ctx, viewer } });
  });
}

/** What a guarded procedure hands its service: a ServiceContext, with the session it came from. */
export type AuthedContext = Context & ServiceContext;
