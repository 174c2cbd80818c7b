/**
 * A journey that changes records works on areas of its own: `demoCopy` builds, for that one test,
 * a copy of the demo's two areas (prisma/demo-data.ts, seedDemoCopy) with their own people, plans
 * and history, named apart by a short tag. So no journey sees another's changes, the order of
 * files does not matter, and journeys run side by side. Journeys that only read use the seeded
 * demo, which no journey changes.
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { test as base } from "@playwright/test";
import { seedDemoCopy, type DemoCopy } from "../prisma/demo-data";
import { PrismaClient } from "../server/generated/prisma/client";
import { appDatabaseUrl, demo } from "./support";

type DemoKey = keyof typeof demo;

/** A copy of the demo, with the demo's people (`people.lead` …) as the copy's own. */
export type OwnDemo = DemoCopy & { people: Record<DemoKey, string> };

let db: PrismaClient | undefined;

/** The database the app under test uses, as its own role: what the journeys may not do through pages. */
export function e2eDb(): PrismaClient {
  db ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: appDatabaseUrl(), max: 2 }) });
  return db;
}

export async function buildDemoCopy(): Promise<OwnDemo> {
  // Letters and digits only: the tag becomes part of addresses and emails.
  const tag = randomBytes(4).toString("hex");
  const copy = await seedDemoCopy(e2eDb(), tag);
  const people = Object.fromEntries(Object.entries(demo).map(([key, email]) => [key, copy.emailOf[email] ?? email])) as Record<DemoKey, string>;
  return { ...copy, people };
}

export const test = base.extend<{ demoCopy: OwnDemo }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  demoCopy: async ({}, provide) => {
    await provide(await buildDemoCopy());
  },
});

export { expect } from "@playwright/test";
