/**
 * A database outage is told apart from a fault, answered with 503 (a page, a tRPC error, a route
 * handler's text), and the gate lets requests through again once the database answers. The whole
 * restart, against a running server, is scripts/faults.mjs.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import { createAreaWithPlan, createUser } from "@/prisma/factories";
import { createCaller } from "@/server/api/root";
import { PrismaClient } from "@/server/generated/prisma/client";
import { databaseGate, RECHECK_MS, unlessDatabaseDown } from "@/server/resilience/database-gate";
import { clearDatabaseOutage, databaseOutageSince, isDatabaseOutage, noteDatabaseOutage } from "@/server/resilience/database-outage";
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE } from "@/server/resilience/unavailable-wording";
import { contextFor, createMember, refusal, testDb } from "@/server/testing/harness";
import { testDatabaseUrl } from "@/server/testing/worker";

// Nothing listens on port 1: a database that is down.
const DOWN_URL = "postgresql://postgres@127.0.0.1:1/none";
let db: PrismaClient;
let down: PrismaClient;

beforeAll(() => {
  db = testDb();
  down = new PrismaClient({ adapter: new PrismaPg({ connectionString: DOWN_URL, connectionTimeoutMillis: 1_000 }) });
});
afterAll(async () => {
  await db.$disconnect();
  await down.$disconnect();
});
afterEach(() => clearDatabaseOutage());

const failure = (p: Promise<unknown>) => p.then(() => expect.fail("expected the call to fail"), (e: unknown) => e);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("telling an outage from a fault", () => {
  it("recognises what Prisma throws when the database cannot be reached", async () => {
    expect(isDatabaseOutage(await failure(down.user.findMany()))).toBe(true);
    expect(isDatabaseOutage(await failure(down.$queryRaw`SELECT 1`))).toBe(true);
    expect(isDatabaseOutage(await failure(down.$transaction(async (tx) => tx.user.count())))).toBe(true);
  });

  it("recognises a connection the server closed, and a server that is starting up", () => {
    expect(isDatabaseOutage(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseOutage(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
  });

  it("leaves real faults alone: a refused row, a bug, another server's refusal", async () => {
    const area = await createAreaWithPlan(db);
    expect(isDatabaseOutage(await failure(db.action.update({ where: { id: area.actionId }, data: { progress: 101 } })))).toBe(false);
    expect(isDatabaseOutage(await failure(db.$queryRawUnsafe("SELECT * FROM no_such_table")))).toBe(false);
    expect(isDatabaseOutage(new TypeError("Cannot read properties of undefined"))).toBe(false);
    // The mail server or S3 refusing a connection is not the database.
    expect(isDatabaseOutage(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }))).toBe(false);
    expect(databaseOutageSince()).toBeNull();
  });
});

describe("the gate in front of pages", () => {
  it("costs nothing while no outage is known: it does not even look", async () => {
    // Were it to probe, the unreachable database would close it.
    expect(await databaseGate({ url: DOWN_URL })).toBeNull();
  });

  it("answers 503 with the clear page while the database does not answer, and opens once it does", async () => {
    expect(noteDatabaseOutage(await failure(down.user.count()))).toBe(true);
    const page = await databaseGate({ url: DOWN_URL });
    expect(page?.status).toBe(503);
    expect(page?.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(page?.headers.get("Content-Type")).toMatch(/text\/html/);
    const html = await page!.text();
    expect(html).toContain(`<title>${UNAVAILABLE.title} – Headway</title>`);
    expect(html).toContain(`<h1>${UNAVAILABLE.title}</h1>`);
    expect(html).toContain("Your last saved changes are safe.");

    const text = await databaseGate({ url: DOWN_URL, plain: true });
    expect(text?.status).toBe(503);
    expect(await text!.text()).toBe(UNAVAILABLE.short);

    await sleep(RECHECK_MS + 50);
    expect(await databaseGate({ url: testDatabaseUrl() })).toBeNull();
    expect(databaseOutageSince()).toBeNull();
  });
});

describe("route handlers", () => {
  it("answer 503 when the database goes away part-way through, and let other failures through", async () => {
    const handler = unlessDatabaseDown(async (query: () => Promise<unknown>) => {
      await query();
      return new Response("ok");
    });
    const response = await handler(() => down.user.count());
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(UNAVAILABLE.short);
    clearDatabaseOutage();
    await expect(handler(() => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});

describe("tRPC", () => {
  it("turns an outage into SERVICE_UNAVAILABLE (503) with a sentence to show, never a 500", async () => {
    const area = await createAreaWithPlan(db);
    const owner = await createMember(db, area.localAreaId, "CONTRIBUTOR");
    const api = createCaller({ ...(await contextFor(db, owner)), db: down });
    const error = await refusal(api.action.myWork());
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(getHTTPStatusCodeFromError(error)).toBe(503);
    expect(error.message).toBe(UNAVAILABLE.short);
    expect((error as unknown as { digest?: string }).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(databaseOutageSince()).not.toBeNull();
  });

  it("keeps a service's own refusal as it was", async () => {
    const stranger = await createUser(db);
    const api = createCaller(await contextFor(db, stranger.id));
    expect((await refusal(api.action.byId({ id: "c000000000000000000000000" }))).code).not.toBe("SERVICE_UNAVAILABLE");
  });
});
