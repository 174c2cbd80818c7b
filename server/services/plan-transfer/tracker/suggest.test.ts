/** What a tracker's column names and finding cells are read as: table-driven, no database. */
import { describe, expect, it } from "vitest";
import { fieldForHeader } from "@/server/services/plan-transfer/tracker/headers";
import { splitFinding, suggestMapping } from "@/server/services/plan-transfer/tracker/suggest";

describe("fieldForHeader", () => {
  it.each([
    ["Area of weakness", "finding"],
    ["Area of significant weakness", "finding"],
    ["Area for improvement", "finding"],
    ["Area for priority action", "finding"],
    ["Workstream", "finding"],
    ["Priority", "priority"],
    ["No.", "actionRef"],
    ["Ref", "actionRef"],
    ["Action ref", "actionRef"],
    ["Finding ref", "findingRef"],
    ["Action", "title"],
    ["Actions", "title"],
    ["What we will do", "title"],
    ["What will we do?", "title"],
    ["Lead officer", "owner"],
    ["Responsible", "owner"],
    ["Responsible officer", "owner"],
    ["Lead agency", "leadOrganisation"],
    ["By when", "dueDate"],
    ["Timescale", "dueDate"],
    ["Timescales", "dueDate"],
    ["Deadline", "dueDate"],
    ["Target date", "dueDate"],
    ["Start date", "startDate"],
    ["RAG", "rag"],
    ["RAG status", "rag"],
    ["Status", "status"],
    ["Progress", "progress"],
    ["% complete", "progress"],
    ["Progress update", "commentary"],
    ["Comments", "commentary"],
    ["Summary", "findingSummary"],
    ["Success criteria", null],
  ])("%s is %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe("splitFinding", () => {
  it.each([
    ["1. The timeliness and quality of EHC plans", { ref: "1", wording: "The timeliness and quality of EHC plans" }],
    ["2) Leaders do not know", { ref: "2", wording: "Leaders do not know" }],
    ["3 - Waiting times", { ref: "3", wording: "Waiting times" }],
    ["Priority 1: Too few plans", { ref: "1", wording: "Too few plans" }],
    ["AOSW 4 – Health services", { ref: "4", wording: "Health services" }],
    ["1.2. A sub-finding", { ref: "1.2", wording: "A sub-finding" }],
    ["5 Families do not know the local offer", { ref: null, wording: "5 Families do not know the local offer" }],
    ["The timeliness of plans", { ref: null, wording: "The timeliness of plans" }],
    ["20 weeks is too long for families", { ref: null, wording: "20 weeks is too long for families" }],
    ["3.5% of plans are on time", { ref: null, wording: "3.5% of plans are on time" }],
  ])("%s", (text, expected) => {
    expect(splitFinding(text)).toEqual(expected);
  });
});

describe("suggestMapping", () => {
  it("reads a column of dates with no name it knows as the due date, and RAG colours as the rating", () => {
    const sheet = {
      name: "Sheet1",
      header: ["Weakness / area", "Task", "When?", "Colour code"],
      rows: [
        { row: 2, cells: ["1. Plans are late and of poor quality", "Recruit", "July 2021", "Green"] },
        { row: 3, cells: ["1. Plans are late and of poor quality", "Audit", "31/08/2021", "Amber"] },
      ],
    };
    expect(suggestMapping([sheet], null).mapping.columns).toEqual({ "Weakness / area": "finding", Task: "title", "When?": "dueDate", "Colour code": "rag" });
  });
});
