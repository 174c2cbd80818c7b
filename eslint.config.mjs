import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/*
 * Layers, lowest first:
 *   lib/             universal code: formatting, labels, chart drawing. Imports no app code.
 *   server/domain/   the rules, pure: lib/, other rules and the schema's enums.
 *   server/services/ reads and writes through a ServiceContext; knows nothing of the API.
 *   server/api/, app/, components/ call down into the layers above, never the other way.
 * Each file glob gets one `no-restricted-imports` entry (a later entry for the same file replaces
 * an earlier one), so every layer's list repeats the restrictions of the layers it sits inside.
 */

// A pattern for an alias import ("@/components/...") and one for a relative path to the same
// folder ("../../components/..."), so a relative import cannot slip past the rule.
const banned = (folders, message) => [
  { regex: `^@/(${folders})(/|$)`, message },
  { regex: `^(\\.\\./)+(${folders})(/|$)`, message },
];

const server = banned(
  "components|app",
  "server/ must not import from components/ or app/: put what both need in lib/ (formatting, labels, chart drawing).",
);

// Everything but lib/, other rules, the generated enums and pure packages; relative imports
// only to a sibling rule ("./calendar").
const domainOnly = (extra) => ({
  regex: `^(?!@/lib/|@/server/domain/|@/server/generated/prisma/enums$|\\./|zod$|date-fns(/|$)${extra})`,
  message:
    "server/domain/ holds pure rules: import only lib/, other server/domain/ files, @/server/generated/prisma/enums, zod or date-fns (no database, services, auth, API or React).",
});

const services = banned(
  "server/api",
  "server/services/ must not import the API layer: take a ServiceContext (server/services/core/context.ts) and let server/api/ call the service.",
);
// From inside server/ a relative path to the API layer reads "../api/...".
services.push({ regex: "^(\\.\\./)+api(/|$)", message: services[0].message });

const components = [
  ...banned(
    "server/db|server/generated/prisma/client",
    "components/ must not import the database or the Prisma client: read data through tRPC (server/api/rsc.tsx or the provider), and take enums from @/server/generated/prisma/enums.",
  ),
  // Types too: a component depends on what a procedure answers (the API's contract), not on how a
  // service builds it.
  ...banned(
    "server/services",
    "components/ must not import services, not even their types: call the procedure through tRPC (server/api/rsc.tsx or the provider) and take what it answers from @/components/trpc/outputs (RouterOutputs).",
  ),
];

const lib = [
  {
    // The schema's enums are the one exception: labels and measure formatting are keyed by them.
    regex: "^@/(?!server/generated/prisma/enums$)(server|components|app)(/|$)",
    message: "lib/ is the bottom layer: it must not import from server/, components/ or app/ (only @/server/generated/prisma/enums).",
  },
  {
    regex: "^(\\.\\./)+(server|components|app)(/|$)",
    message: "lib/ is the bottom layer: it must not import from server/, components/ or app/.",
  },
];

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { id: _id, ...fields } = row`: leaving a field out by name is deliberate.
      "@typescript-eslint/no-unused-vars": ["warn", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  { files: ["lib/**"], rules: restrict(lib) },
  { files: ["components/**"], rules: restrict(components) },
  { files: ["server/**"], rules: restrict(server) },
  { files: ["server/domain/**"], rules: restrict([...server, domainOnly("")]) },
  // A rule's tests also use the test runner.
  { files: ["server/domain/**/*.test.ts"], rules: restrict([...server, domainOnly("|vitest$")]) },
  { files: ["server/services/**"], rules: restrict([...server, ...services]) },
  // Service tests drive the services through the router too, to check each procedure's guard.
  { files: ["server/services/**/*.test.ts"], rules: restrict(server) },
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "server/generated/**", "test-results/**", "next-env.d.ts"],
  },
];

export default config;
