/**
 * What a service is handed for one request: the database, the person asking (their memberships
 * already read, for the permission rules) and the request's id (it ties the request's audit
 * events together). Its callers build it (tRPC's guarded procedures in server/api/trpc.ts, the
 * upload and download route handlers, the workbook import); services take this type, so they
 * never depend on the layer that calls them.
 */
import type { Viewer } from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";

export type ServiceContext = {
  db: PrismaClient;
  viewer: Viewer;
  /** Ties the audit events of one request together. */
  requestId: string;
  /**
   * The API token the request came with (server/services/api/), when it did: the viewer is then
   * the person who made it, and every audit event of the request names the token too.
   */
  apiToken?: { id: string; name: string };
};
