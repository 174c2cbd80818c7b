import { describe, expect, it } from "vitest";
import { firstSentence } from "@/lib/format/first-sentence";

describe("firstSentence", () => {
  it.each([
    ["Too few plans are issued on time. Reviews are late.", "Too few plans are issued on time."],
    ["Children miss school, incl. high persistent absence. Leaders do not know why.", "Children miss school, incl. high persistent absence."],
    ["Some services, e.g. speech and language therapy, have long waits. Families wait.", "Some services, e.g. speech and language therapy, have long waits."],
    ["Advice arrives late, i.e. after the 6 weeks. Plans are generic.", "Advice arrives late, i.e. after the 6 weeks."],
    ["Gaps in therapies, OT, SALT etc. are not tracked. Nobody owns them.", "Gaps in therapies, OT, SALT etc. are not tracked."],
    ["The no. of plans fell by approx. a third. Reviews slipped.", "The no. of plans fell by approx. a third."],
    ["Only 42.5% were on time. Nationally about half were.", "Only 42.5% were on time."],
    ["The report by Dr. Okafor and J. Smith says so. It was published.", "The report by Dr. Okafor and J. Smith says so."],
    ["Is co-production real? Parents say not.", "Is co-production real?"],
    ['Leaders said "we will act." Then nothing changed.', 'Leaders said "we will act."'],
    ["Too few plans are issued on time.", "Too few plans are issued on time."],
    ["No sentence end at all", "No sentence end at all"],
    ["  Spaces around.  ", "Spaces around."],
    ["Waiting lists (see section 3.2) grew. Then fell.", "Waiting lists (see section 3.2) grew."],
    // After a stop, a lower-case word does not start a sentence: better the whole text than half a phrase.
    ["Plans were late. the council knew it.", "Plans were late. the council knew it."],
  ])("%s", (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });
});
