/** The summary page's sentences and places, worked out from what the public page may show. */
import { describe, expect, it } from "vitest";
import { actionProgress, areaContact, forumTally, isItWorkingLine, youSaidWeDidPlaces } from "@/server/services/public/summary";

describe("isItWorkingLine", () => {
  it.each([
    [[], "No measures have been set for this yet."],
    [["ON_TRACK"], "1 of 1 measure on track."],
    [["ON_TRACK", "ON_TRACK"], "2 of 2 measures on track."],
    [["OFF_TRACK", "ON_TRACK", "AMBER"], "1 of 3 measures on track, 1 slightly behind, 1 off track."],
    [["NO_DATA", "NO_TRAJECTORY"], "0 of 2 measures on track, 1 without recent figures, 1 without a target to measure against."],
  ] as const)("%j: %s", (statuses, line) => {
    expect(isItWorkingLine(statuses)).toBe(line);
  });
});

describe("actionProgress", () => {
  it("counts by status, deferred and cancelled together, and those not updated on time", () => {
    const a = (status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "DEFERRED" | "CANCELLED", stale = false) => ({ status, stale });
    expect(actionProgress([a("COMPLETE"), a("COMPLETE"), a("IN_PROGRESS", true), a("NOT_STARTED", true), a("DEFERRED"), a("CANCELLED")])).toEqual({
      total: 6,
      complete: 2,
      inProgress: 1,
      notStarted: 1,
      setAside: 2,
      notUpdated: 2,
    });
    expect(actionProgress([])).toEqual({ total: 0, complete: 0, inProgress: 0, notStarted: 0, setAside: 0, notUpdated: 0 });
  });
});

describe("forumTally", () => {
  it("counts the forum's views by what they say", () => {
    expect(forumTally([{ verdict: "AGREE" }, { verdict: "DISAGREE" }, { verdict: "DISAGREE" }, { verdict: "AGREE_WITH_COMMENTS" }])).toEqual({
      views: 4,
      agree: 1,
      agreeWithComments: 1,
      disagree: 2,
    });
  });
});

describe("youSaidWeDidPlaces", () => {
  const finding = (ref: string, youSaidWeDid: number) => ({ ref, summary: `Finding ${ref}`, inspectorsWording: "Wording.", youSaidWeDid });

  it("keeps area-wide entries for the summary and points at the findings that have their own, with how many", () => {
    const places = youSaidWeDidPlaces(["area-wide entry"], [finding("1", 0), finding("2", 3)]);
    expect(places).toEqual({
      areaWide: ["area-wide entry"],
      onFindings: [{ ref: "2", summary: "Finding 2", inspectorsWording: "Wording.", entries: 3 }],
      none: false,
    });
  });

  it("says none only when there are none anywhere", () => {
    expect(youSaidWeDidPlaces([], [finding("1", 0)]).none).toBe(true);
    expect(youSaidWeDidPlaces([], [finding("1", 1)]).none).toBe(false);
    expect(youSaidWeDidPlaces(["entry"], []).none).toBe(false);
  });
});

describe("areaContact", () => {
  const area = { name: "Northbridge", publicContactEmail: null, publicContactUrl: null, organisations: [{ name: "Northbridge City Council" }] };

  it("is null until an email address or a web page is set", () => {
    expect(areaContact(area)).toBeNull();
    expect(areaContact({ ...area, publicContactEmail: "  " })).toBeNull();
  });

  it("names the council, with what is set", () => {
    expect(areaContact({ ...area, publicContactEmail: "send@northbridge.example" })).toEqual({
      name: "Northbridge City Council",
      email: "send@northbridge.example",
      url: null,
    });
    expect(areaContact({ ...area, organisations: [], publicContactUrl: "https://northbridge.example/send" })).toEqual({
      name: "Northbridge council",
      email: null,
      url: "https://northbridge.example/send",
    });
  });

  it("never sends a link that is not a web page", () => {
    expect(areaContact({ ...area, publicContactUrl: "javascript:alert(1)" })).toBeNull();
    expect(areaContact({ ...area, publicContactEmail: "send@northbridge.example", publicContactUrl: "file:///etc/passwd" })?.url).toBeNull();
  });
});
