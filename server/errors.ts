/**
 * The small set of failures a service may report. Services throw AppError; the tRPC layer maps
 * it to a code once (server/api/trpc.ts), and the UI shows `message`, a sentence a council
 * officer understands.
 */
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
