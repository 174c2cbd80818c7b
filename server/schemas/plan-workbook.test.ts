/** What people type into cells: words and codes, dates, numbers, lists; and the README's list of columns. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  allowedWords,
  ENUMS,
  headerKey,
  parseDate,
  parseEnum,
  parseInteger,
  parseList,
  parseNumber,
  SHEET_NAMES,
  sheetNamed,
  SHEETS,
  unescapeFormula,
  escapeFormula,
  wordFor,
  type EnumName,
} from "@/server/schemas/plan-workbook";

const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) => (p.ok ? p.value : `error: ${p.message}`);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("enumerations", () => {
  it("accept the UI's words in any case, and the codes", () => {
    expect(value(parseEnum("findingKind", "Area of significant weakness", "Kind"))).toBe("SIGNIFICANT_WEAKNESS");
    expect(value(parseEnum("findingKind", "  AREA OF SIGNIFICANT WEAKNESS ", "Kind"))).toBe("SIGNIFICANT_WEAKNESS");
    expect(value(parseEnum("actionStatus", "not started", "Status"))).toBe("NOT_STARTED");
    expect(value(parseEnum("actionStatus", "NOT_STARTED", "Status"))).toBe("NOT_STARTED");
    expect(value(parseEnum("actionStatus", "in_progress", "Status"))).toBe("IN_PROGRESS");
    expect(value(parseEnum("coproductionLevel", "co-designing", "Co-production level"))).toBe("CO_DESIGNING");
    expect(value(parseEnum("coproductionLevel", "CO_PRODUCING", "Co-production level"))).toBe("CO_PRODUCING");
    expect(value(parseEnum("region", "yorkshire and the humber", "Region"))).toBe("YORKSHIRE_AND_THE_HUMBER");
    expect(value(parseEnum("framework", "2023", "Framework"))).toBe("FRAMEWORK_2023");
    expect(value(parseEnum("planType", "", "Plan type"))).toBeNull();
  });

  it("refuse anything else with a message listing the words allowed", () => {
    expect(value(parseEnum("actionStatus", "Done", "Status"))).toBe(
      "error: Status must be Not started, In progress, Complete, Deferred or Cancelled, not “Done”",
    );
    expect(allowedWords("measureDirection")).toBe("Higher is better or Lower is better");
  });

  it("never give two codes of one enumeration the same spelling", () => {
    for (const name of Object.keys(ENUMS) as EnumName[]) {
      for (const [code, word] of Object.entries(ENUMS[name] as Record<string, string>)) {
        expect(value(parseEnum(name, word, "x")), `${name}: ${word}`).toBe(code);
        expect(value(parseEnum(name, code, "x")), `${name}: ${code}`).toBe(code);
        expect(wordFor(name, code as never)).toBe(word);
      }
    }
  });
});

describe("dates", () => {
  it("read ISO text, UK day/month/year text, Excel serial numbers and Excel date cells as UTC midnight", () => {
    expect(value(parseDate("2026-11-22", "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate("2026-3-5", "Due date"))).toEqual(day("2026-03-05"));
    expect(value(parseDate("22/11/2026", "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate("5/3/2026", "Due date"))).toEqual(day("2026-03-05"));
    expect(value(parseDate(46348, "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate("46348", "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate(46348.75, "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate(44886, "Due date", { date1904: true }))).toEqual(day("2026-11-22"));
    expect(value(parseDate(new Date("2026-11-22T00:00:00.000Z"), "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate(new Date("2026-11-22T15:30:00.000Z"), "Due date"))).toEqual(day("2026-11-22"));
    // exceljs can land a millisecond before midnight.
    expect(value(parseDate(new Date("2026-11-21T23:59:59.999Z"), "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate("2026-11-22T00:00:00.000Z", "Due date"))).toEqual(day("2026-11-22"));
    expect(value(parseDate("", "Due date"))).toBeNull();
    expect(value(parseDate(null, "Due date"))).toBeNull();
  });

  it("refuse dates that do not exist and text that is not a date", () => {
    for (const bad of ["31/02/2026", "2026-02-30", "11/22/2026", "next week", "2026", true, { error: "#N/A" }]) {
      expect(String(value(parseDate(bad as never, "Due date")))).toMatch(/^error: /);
    }
  });
});

describe("numbers", () => {
  it("read numbers, thousands separators and percentages", () => {
    expect(value(parseNumber(17.5, "Value"))).toBe(17.5);
    expect(value(parseNumber("17.5", "Value"))).toBe(17.5);
    expect(value(parseNumber("-3", "Value"))).toBe(-3);
    expect(value(parseNumber("1,234.5", "Value"))).toBe(1234.5);
    expect(value(parseNumber("45%", "Value"))).toBe(45);
    expect(value(parseNumber("", "Value"))).toBeNull();
    expect(value(parseNumber("about 40", "Value"))).toBe("error: Value must be a number, like 42 or 17.5");
    expect(value(parseNumber("1,23", "Value"))).toMatch(/^error/);
  });

  it("check whole numbers within bounds", () => {
    expect(value(parseInteger("80", "Progress", 0, 100))).toBe(80);
    expect(value(parseInteger("80%", "Progress", 0, 100))).toBe(80);
    expect(value(parseInteger(150, "Progress", 0, 100))).toBe("error: Progress must be a whole number from 0 to 100");
    expect(value(parseInteger(12.5, "Progress", 0, 100))).toBe("error: Progress must be a whole number from 0 to 100");
  });
});

describe("cells with lists", () => {
  it("split on semicolons, trimmed, without empties or repeats", () => {
    expect(value(parseList(" NHS Trust ;  Riverside Primary School;;nhs trust; "))).toEqual(["NHS Trust", "Riverside Primary School"]);
    expect(value(parseList(null))).toEqual([]);
  });
});

describe("text that looks like a formula", () => {
  it("is written with an apostrophe and read back as it was", () => {
    for (const text of ["=SUM(A1)", "+44 20", "-5 days", "@risk", "plain"]) expect(unescapeFormula(escapeFormula(text))).toBe(text);
    expect(escapeFormula("=1+1")).toBe("'=1+1");
  });
});

describe("sheet and column names", () => {
  it("are found whatever their case, and from CSV file names", () => {
    expect(sheetNamed("findings")).toBe("Findings");
    expect(sheetNamed("Findings.csv")).toBe("Findings");
    expect(sheetNamed("northbridge-plan-2026-11-22-Findings.csv")).toBe("Findings");
    expect(sheetNamed("Values (1).csv")).toBe("Values");
    expect(sheetNamed("Notes")).toBeNull();
    expect(headerKey("  Inspectors’   Wording ")).toBe(headerKey("Inspectors' wording"));
  });

  it("are the ones the README documents, in the same order", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Plan workbooks"));
    expect(section.length, "README has a Plan workbooks section").toBeLessThan(readme.length);
    const documented = [...section.matchAll(/^\| `([A-Za-z]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]!.split(", ").map((c) => c.trim())]);
    expect(documented).toEqual(SHEET_NAMES.map((s) => [s, SHEETS[s].map((c) => c.header)]));
  });
});
