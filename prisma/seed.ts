/**
 * `prisma db seed` (prisma.config.ts: `tsx prisma/seed.ts`): the demo areas and accounts.
 * Idempotent: does nothing when the demo area "northbridge" exists already.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../server/generated/prisma/client";
import { DEMO_PASSWORD, seedDemo } from "./demo-data";
import { seedSampleStatistics } from "./sample-statistics";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (for the embedded database use `npm run db:seed`)");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const started = Date.now();
    const result = await seedDemo(db);
    // The sample statistics (illustrative, not published figures) follow the demo, and are
    // idempotent too: a database seeded before they existed gets them on the next seed.
    const statistics = await seedSampleStatistics(db);
    if (statistics.length) console.log(`Sample statistics (illustrative, not published figures): ${statistics.join("; ")}.`);
    if (!result.created) {
      console.log("Demo data already present: nothing changed.");
      return;
    }
    const counts = Object.entries(result.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
    console.log(`Demo data created in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}. Password for every demo account: ${DEMO_PASSWORD}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
