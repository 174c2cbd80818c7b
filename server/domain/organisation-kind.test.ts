import { describe, expect, it } from "vitest";
import { organisationKindFor } from "@/server/domain/organisation-kind";

describe("organisationKindFor", () => {
  it.each([
    ["Northbridge Council", "COUNCIL"],
    ["London Borough of Eastmoor", "COUNCIL"],
    ["Westshire County Council", "COUNCIL"],
    ["NHS Northbridge Integrated Care Board", "ICB"],
    ["Northbridge ICB", "ICB"],
    ["Northbridge CCG", "ICB"],
    ["Northbridge Community Healthcare NHS Trust", "NHS_TRUST"],
    ["Royal Northbridge Hospitals Foundation Trust", "NHS_TRUST"],
    ["Northbridge Parent Carer Forum", "PARENT_CARER_FORUM"],
    ["Parents and Carers Council Northbridge", "PARENT_CARER_FORUM"],
    ["Northbridge PCF", "PARENT_CARER_FORUM"],
    ["Oakfield Academy Trust", "SCHOOL"],
    ["Oakfield Primary School", "SCHOOL"],
    ["Northbridge College", "SCHOOL"],
    ["Department for Education", "DFE"],
    ["NHS England", "NHSE"],
    ["Barnardo's", "OTHER"],
    ["SENDIASS", "OTHER"],
  ] as const)("%s is %s", (name, kind) => {
    expect(organisationKindFor(name)).toBe(kind);
  });
});
