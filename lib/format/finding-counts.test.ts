import { describe, expect, it } from "vitest";
import { deliveryCountsLine, evidenceCountsLine, measureCountsLine } from "@/lib/format/finding-counts";

const noActions = { RED: 0, AMBER: 0, UNSCHEDULED: 0, GREEN: 0, COMPLETE: 0, CANCELLED: 0, DEFERRED: 0 };
const noMeasures = { OFF_TRACK: 0, AMBER: 0, NO_DATA: 0, NO_TRAJECTORY: 0, ON_TRACK: 0 };

describe("a finding's counts in a line", () => {
  it("counts actions worst first, leaving out what has none", () => {
    expect(deliveryCountsLine({ ...noActions, GREEN: 2, RED: 2, AMBER: 1 })).toBe("5 actions: 2 red, 1 amber, 2 green");
    expect(deliveryCountsLine({ ...noActions, COMPLETE: 1, UNSCHEDULED: 1, DEFERRED: 1 })).toBe("3 actions: 1 without a due date, 1 complete, 1 deferred");
    expect(deliveryCountsLine({ ...noActions, GREEN: 1 })).toBe("1 action: 1 green");
    expect(deliveryCountsLine(noActions)).toBe("No actions yet");
  });

  it("counts measures in the words their tags use", () => {
    expect(measureCountsLine({ ...noMeasures, ON_TRACK: 2, OFF_TRACK: 1 })).toBe("3 measures: 1 off track, 2 on track");
    expect(measureCountsLine({ ...noMeasures, AMBER: 1, NO_DATA: 1 })).toBe("2 measures: 1 slightly behind, 1 no recent data");
    expect(measureCountsLine(noMeasures)).toBe("No measures yet");
  });

  it("counts evidence by where its review stands", () => {
    expect(evidenceCountsLine({ accepted: 1, awaitingReview: 2, rejected: 1, withdrawn: 0 })).toBe("4 items: 1 accepted, 2 awaiting review, 1 rejected");
    expect(evidenceCountsLine({ accepted: 0, awaitingReview: 0, rejected: 0, withdrawn: 1 })).toBe("1 item: 1 withdrawn");
    expect(evidenceCountsLine({ accepted: 0, awaitingReview: 0, rejected: 0, withdrawn: 0 })).toBe("No evidence yet");
  });
});
