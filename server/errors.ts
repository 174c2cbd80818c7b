/**
 * The small set of failures a service may report. Services throw AppError; the tRPC layer
 * (server/api/trpc.ts) and the route handlers' one wrapper (server/services/core/http.ts) each map
 * it to a status once, and the UI shows `message`, a sentence a council officer understands.
 */
import { ZodError } from "zod";

export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra facts for the UI, e.g. the current record on a CONFLICT. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That record") =>
  new AppError("NOT_FOUND", `${what} does not exist or you do not have access to it.`);

export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);

/**
 * Field errors for forms, { path: message }: from the input schema (the same zod schema runs in the
 * browser), or from a service's refusal that names its field ("that reference is taken").
 */
export function fieldErrorsOf(cause: unknown): Record<string, string> | null {
  if (cause instanceof ZodError) return Object.fromEntries(cause.issues.map((i) => [i.path.join("."), i.message]));
  if (cause instanceof AppError) return (cause.details?.fieldErrors as Record<string, string> | undefined) ?? null;
  return null;
}
