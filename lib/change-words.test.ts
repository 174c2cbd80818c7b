import { describe, expect, it } from "vitest";
import { describeAction, describeRecordedChanges, describeRecordedValue, recordKindWords } from "@/lib/change-words";
import { formatDate } from "@/lib/format/dates";

const names = new Map([
  ["user1", "Priya Shah"],
  ["user2", "Tom Baker"],
  ["org1", "Northbridge Council"],
]);

describe("a recorded change in words", () => {
  it("gives only the fields that changed, in the form's words, with names for ids and nothing of the bookkeeping", () => {
    const before = { id: "a1", version: 3, title: "Publish the offer", ownerId: "user1", startDate: "2026-01-05", partnerOrganisationIds: [], status: "IN_PROGRESS" };
    const after = { id: "a1", version: 4, title: "Publish the offer", ownerId: "user2", startDate: "2026-02-01", partnerOrganisationIds: ["org1"], status: "COMPLETE" };
    expect(describeRecordedChanges("Action", before, after, { names })).toEqual([
      { field: "Owner", before: "Priya Shah", after: "Tom Baker" },
      { field: "Start date", before: formatDate("2026-01-05"), after: formatDate("2026-02-01") },
      { field: "Partner organisations", before: "None", after: "Northbridge Council" },
      { field: "Status", before: "In progress", after: "Complete" },
    ]);
  });

  it("a new record: the fields it was given, with no before", () => {
    expect(describeRecordedChanges("Comment", null, { target: "Action 1.1 x", body: "Looks good", visibility: "WITH_FORUM", description: "" }, { names })).toEqual([
      { field: "Comment", before: null, after: "Looks good" },
      { field: "Who can see it", before: null, after: "Shared with the forum" },
    ]);
  });

  it("a change request's values against the field they are for", () => {
    const after = { entityType: "Action", entityId: "a1", field: "action.dueDate", oldValue: "2026-03-01", newValue: "2026-06-30", reason: "Later", status: "PENDING" };
    expect(describeRecordedChanges("ChangeRequest", null, after, { names })).toEqual([
      { field: "Due date", before: formatDate("2026-03-01"), after: formatDate("2026-06-30") },
      { field: "Reason", before: null, after: "Later" },
    ]);
  });

  it("reads values as the pages show them: units, percentages, yes and no, a removed record", () => {
    expect(describeRecordedValue("MeasureValue", "value", 41.5, { names, unit: "PERCENT" })).toBe("41.5%");
    expect(describeRecordedValue("Action", "progress", 55, { names })).toBe("55%");
    expect(describeRecordedValue("Plan", "ragGreenThreshold", 0.9, { names })).toBe("90%");
    expect(describeRecordedValue("Evidence", "readyForInspectors", true, { names })).toBe("Yes");
    expect(describeRecordedValue("Plan", "status", "ACTIVE", { names })).not.toBe("ACTIVE");
    expect(describeRecordedValue("Action", "ownerId", "gone", { names })).toBe("A record that has since been removed");
    expect(describeRecordedValue("Action", "dueDate", null, { names })).toBe("Not set");
  });

  it("names what was done, and an approved change applied", () => {
    expect(describeAction("action.update", { title: "x" })).toBe("Changed the action");
    expect(describeAction("action.update", { dueDate: "2026-06-30", changeRequestId: "cr1" })).toBe("Applied an approved change");
    expect(describeAction("something.new", {})).toBe("Something new");
    expect(recordKindWords("MeasureValue")).toBe("Measure value");
    expect(describeAction("plan.import.preview", { tracker: true })).toBe("Checked the area's own tracker");
    expect(describeAction("plan.import.preview", {})).toBe("Checked a plan workbook");
    expect(describeAction("trackerMapping.save", {})).toBe("Saved the columns chosen for the area's own tracker");
  });

  it("says a measure's figure was replaced, with the reason given or the file it came from", () => {
    expect(describeAction("measure.recordValue", { value: 45 })).toBe("Entered a value");
    expect(describeAction("measure.recordValue", { value: 45, reason: "Validated" })).toBe("Replaced a value");
    expect(describeAction("measure.pasteValues", { value: 45, reason: "Validated" })).toBe("Replaced a value");
    expect(describeAction("measureValue.update", { Value: 45, importedFrom: "plan.xlsx" })).toBe("Replaced a value from a plan workbook");
    const names = new Map<string, string>();
    expect(describeRecordedChanges("MeasureValue", { value: 41.5 }, { value: 45, reason: "Validated" }, { names, unit: "PERCENT" })).toEqual([
      { field: "Value", before: "41.5%", after: "45%" },
      { field: "Reason", before: null, after: "Validated" },
    ]);
    expect(describeRecordedChanges("MeasureValue", { Value: 41.5 }, { Value: 45, importedFrom: "plan.xlsx" }, { names })).toEqual([
      { field: "Value", before: "41.5", after: "45" },
      { field: "From the file", before: null, after: "plan.xlsx" },
    ]);
  });
});

describe("a controlled value, as the change requests show it", () => {
  it("reads as the history reads it", () => {
    const ctx = { names: new Map<string, string>(), unit: "WEEKS" as const };
    expect(describeRecordedValue("Measure", "milestones", [], ctx)).toBe("No milestones");
    expect(describeRecordedValue("Measure", "milestones", [{ date: "2026-04-01", targetValue: 14 }], ctx)).toBe(`${formatDate("2026-04-01")}: 14 weeks`);
    expect(describeRecordedValue("Measure", "targetValue", 1, ctx)).toBe("1 week");
    expect(describeRecordedValue("Action", "description", "", ctx)).toBe("Not set");
  });
});
