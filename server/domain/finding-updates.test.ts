import { describe, expect, it } from "vitest";
import { findingUpdates } from "@/server/domain/finding-updates";
import { updateOverdue } from "@/server/domain/update-overdue";

const at = (iso: string) => new Date(iso);
const today = at("2026-03-01T00:00:00Z");

/** An action as the rules see it: its last check-in and its status, on a 30-day cadence. */
function action(status: "IN_PROGRESS" | "COMPLETE" | "NOT_STARTED", lastUpdateAt: string | null) {
  const last = lastUpdateAt ? at(lastUpdateAt) : null;
  const createdAt = at("2025-12-01T09:00:00Z");
  return { lastUpdateAt: last, update: updateOverdue({ status, lastUpdateAt: last, startDate: null, createdAt, cadenceDays: 30, today }) };
}

describe("findingUpdates", () => {
  it("says nothing has been posted on a finding without actions", () => {
    expect(findingUpdates([])).toEqual({ latestAt: null, expected: 0, overdue: 0 });
  });

  it("takes the latest check-in of any action, whichever order they come in", () => {
    const actions = [action("IN_PROGRESS", "2026-02-10T10:00:00Z"), action("IN_PROGRESS", "2026-02-20T16:30:00Z"), action("IN_PROGRESS", "2026-01-05T08:00:00Z")];
    expect(findingUpdates(actions).latestAt).toEqual(at("2026-02-20T16:30:00Z"));
    expect(findingUpdates([...actions].reverse()).latestAt).toEqual(at("2026-02-20T16:30:00Z"));
  });

  it("counts the actions overdue for an update among those that need one", () => {
    // 10 February is within 30 days of 1 March; 5 January is not; never updated since 1 December is not either.
    const result = findingUpdates([action("IN_PROGRESS", "2026-02-10T10:00:00Z"), action("IN_PROGRESS", "2026-01-05T08:00:00Z"), action("NOT_STARTED", null)]);
    expect(result).toEqual({ latestAt: at("2026-02-10T10:00:00Z"), expected: 3, overdue: 2 });
  });

  it("asks no update of a finished action, but its last update still dates the finding's", () => {
    const result = findingUpdates([action("COMPLETE", "2026-02-25T12:00:00Z"), action("IN_PROGRESS", "2026-02-01T12:00:00Z")]);
    expect(result).toEqual({ latestAt: at("2026-02-25T12:00:00Z"), expected: 1, overdue: 0 });
  });

  it("has no latest check-in when no owner has posted one", () => {
    expect(findingUpdates([action("IN_PROGRESS", null), action("NOT_STARTED", null)]).latestAt).toBeNull();
  });
});
