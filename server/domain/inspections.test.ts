import { describe, expect, it } from "vitest";
import { followUpKind } from "@/server/domain/inspections";

describe("the inspection that follows up a plan", () => {
  it("is a revisit under the 2016 framework and a monitoring inspection under 2023's", () => {
    expect(followUpKind("FRAMEWORK_2016")).toBe("REVISIT");
    expect(followUpKind("FRAMEWORK_2023")).toBe("MONITORING");
  });
});
