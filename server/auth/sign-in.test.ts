/** Which sign-in methods an environment switches on, and who may sign in with a password. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories";
import { demoAccountsAllowed } from "@/server/auth/demo-accounts";
import { checkPassword } from "@/server/auth/password-sign-in";
import { buildProviders } from "@/server/auth/providers";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";

const hooks = { authorizePassword: async () => null, sendMagicLink: async () => {} };
// next-auth merges `options` (where our ids are set) over each provider's defaults.
const ids = (e: Parameters<typeof buildProviders>[0]) =>
  buildProviders(e, hooks).map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);

describe("buildProviders", () => {
  it.each([
    [{ EMAIL_FROM: "x@y.z" }, ["password"]],
    [{ EMAIL_FROM: "x@y.z", EMAIL_SERVER: "smtp://127.0.0.1:2525" }, ["password", "email"]],
    [
      { EMAIL_FROM: "x@y.z", AZURE_AD_CLIENT_ID: "id", AZURE_AD_CLIENT_SECRET: "secret", AZURE_AD_TENANT_ID: "tenant" },
      ["password", "azure-ad"],
    ],
    [{ EMAIL_FROM: "x@y.z", AZURE_AD_CLIENT_ID: "id" }, ["password"]], // half a configuration switches nothing on
  ])("%o gives %o", (e, want) => expect(ids(e)).toEqual(want));

  it("points Entra ID at the configured tenant", () => {
    const [, entra] = buildProviders(
      { EMAIL_FROM: "x@y.z", AZURE_AD_CLIENT_ID: "id", AZURE_AD_CLIENT_SECRET: "secret", AZURE_AD_TENANT_ID: "contoso-tenant" },
      hooks,
    );
    expect(JSON.stringify(entra)).toContain("contoso-tenant");
  });
});

describe("demo accounts", () => {
  it.each([
    ["development", false, true],
    ["test", false, true],
    ["production", false, false],
    ["production", true, true],
  ] as const)("NODE_ENV=%s DEMO_ACCOUNTS=%s: allowed %s", (NODE_ENV, DEMO_ACCOUNTS, want) =>
    expect(demoAccountsAllowed({ NODE_ENV, DEMO_ACCOUNTS })).toBe(want),
  );
});

describe("checkPassword", () => {
  let db: PrismaClient;
  let demoEmail: string;
  let realEmail: string;
  let disabledEmail: string;
  beforeAll(async () => {
    db = testDb();
    demoEmail = (await createUser(db, { password: "demo-pass", isDemo: true })).email!;
    realEmail = (await createUser(db, { password: "real-pass", email: "Mixed.Case@Council.example" })).email!;
    disabledEmail = (await createUser(db, { password: "pw", disabledAt: new Date() })).email!;
  });
  afterAll(() => db.$disconnect());

  const dev = { NODE_ENV: "development", DEMO_ACCOUNTS: false };
  const prod = { NODE_ENV: "production", DEMO_ACCOUNTS: false };

  it("signs in with the right password, whatever the case of the address", async () => {
    expect(await checkPassword(db, realEmail, "real-pass", prod)).toMatchObject({ email: realEmail });
    expect(await checkPassword(db, "MIXED.case@council.EXAMPLE", "real-pass", prod)).not.toBeNull();
  });
  it("refuses a wrong password, an unknown address and a disabled account", async () => {
    expect(await checkPassword(db, realEmail, "wrong", prod)).toBeNull();
    expect(await checkPassword(db, "nobody@nowhere.example", "real-pass", prod)).toBeNull();
    expect(await checkPassword(db, disabledEmail, "pw", dev)).toBeNull();
  });
  it("refuses demo accounts in production unless DEMO_ACCOUNTS=true", async () => {
    expect(await checkPassword(db, demoEmail, "demo-pass", dev)).not.toBeNull();
    expect(await checkPassword(db, demoEmail, "demo-pass", prod)).toBeNull();
    expect(await checkPassword(db, demoEmail, "demo-pass", { ...prod, DEMO_ACCOUNTS: true })).not.toBeNull();
  });
});
