import { describe, expect, it } from "vitest";
import { newSinceLastLooked } from "@/components/notifications/new-since";

const read = new Date("2026-12-01T00:00:00Z");

describe("newSinceLastLooked", () => {
  it("counts exactly the notifications it tags as new: the unread", () => {
    const seen = newSinceLastLooked([
      { id: "a", readAt: null },
      { id: "b", readAt: read },
      { id: "c", readAt: null },
    ]);
    expect([...seen.ids]).toEqual(["a", "c"]);
    expect(seen.sentence).toBe("2 new notifications since you last looked.");
  });

  it.each([
    ["one unread", [{ id: "a", readAt: null }], "1 new notification since you last looked."],
    ["all read", [{ id: "a", readAt: read }], "Nothing new since you last looked."],
    ["none at all", [], "Nothing new since you last looked."],
  ])("%s", (_what, items, sentence) => {
    const seen = newSinceLastLooked(items);
    expect(seen.sentence).toBe(sentence);
    expect(seen.ids.size === 0).toBe(sentence.startsWith("Nothing new"));
  });
});
