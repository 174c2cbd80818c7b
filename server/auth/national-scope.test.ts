import { describe, expect, it } from "vitest";
import type { Viewer } from "@/server/auth/permissions";
import { nationalScope, type NationalScope } from "@/server/auth/national-scope";

const viewer = (globalRole: Viewer["globalRole"], memberships: Viewer["memberships"] = []): Viewer => ({ userId: "u", globalRole, memberships });

describe("nationalScope", () => {
  const cases: Array<{ name: string; viewer: Viewer; scope: NationalScope | null }> = [
    { name: "the national team sees every area", viewer: viewer("NATIONAL"), scope: { kind: "ALL" } },
    {
      name: "the national team sees every area, even as a lead somewhere",
      viewer: viewer("NATIONAL", [{ localAreaId: "a", role: "LEAD" }]),
      scope: { kind: "ALL" },
    },
    {
      name: "an adviser sees the areas they advise",
      viewer: viewer(null, [
        { localAreaId: "a", role: "ADVISER" },
        { localAreaId: "b", role: "ADVISER" },
      ]),
      scope: { kind: "ADVISED", areaIds: ["a", "b"] },
    },
    {
      name: "an adviser does not see the areas where they hold another role",
      viewer: viewer(null, [
        { localAreaId: "a", role: "ADVISER" },
        { localAreaId: "b", role: "LEAD" },
      ]),
      scope: { kind: "ADVISED", areaIds: ["a"] },
    },
    ...(["LEAD", "CONTRIBUTOR", "FORUM", "VIEWER"] as const).map((role) => ({
      name: `a ${role} does not see it`,
      viewer: viewer(null, [{ localAreaId: "a", role }]),
      scope: null,
    })),
    { name: "an administrator does not see it", viewer: viewer("ADMIN"), scope: null },
    { name: "an administrator who advises an area sees that area", viewer: viewer("ADMIN", [{ localAreaId: "a", role: "ADVISER" }]), scope: { kind: "ADVISED", areaIds: ["a"] } },
    { name: "someone with no role does not see it", viewer: viewer(null), scope: null },
  ];
  for (const c of cases) it(c.name, () => expect(nationalScope(c.viewer)).toEqual(c.scope));
});
