import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "server/testing/empty.ts"),
    },
  },
  test: {
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["server/testing/global-setup.ts"],
    // Each worker's own database and mailbox (server/testing/worker.ts).
    setupFiles: ["server/testing/worker.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Files run side by side, each worker on a database of its own, so a test's counts are
    // never disturbed by another file's writes. Three on two cores: much of a test's time is
    // spent waiting on PostgreSQL.
    fileParallelism: true,
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
  },
});
