/**
 * The periods published statistics are for, read as publications write them: the DfE's
 * explore-education-statistics files give `time_period` ("2023", "202223") with
 * `time_identifier` ("Calendar year", "Academic year", "Financial year", "Autumn term",
 * "January"...); the LGA's and others' give a period such as "2022/23" and leave the kind to be
 * known. Each becomes the last day of the period (a chart's x position, and the key a figure is
 * stored under) and the words people use for it ("2022/23", "Autumn term 2023/24").
 *
 * Pure: the import and its tests share it.
 */
import { fromDay } from "@/lib/calendar";

/** The kinds a mapping may fix for a file that has no time_identifier column. */
export const PERIOD_TYPES = ["CALENDAR_YEAR", "ACADEMIC_YEAR", "FINANCIAL_YEAR"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_WORDS: Record<PeriodType, string> = {
  CALENDAR_YEAR: "Calendar year (January to December)",
  ACADEMIC_YEAR: "Academic year (September to August)",
  FINANCIAL_YEAR: "Financial year (April to March)",
};

/** A period read: its last day ("yyyy-mm-dd") and its words. */
export type Period = { end: string; label: string };
export type PeriodRead = { ok: true; period: Period } | { ok: false; problem: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_WORDS = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** The last day of a month (month 1 to 12). */
const monthEnd = (year: number, month: number) => fromDay(new Date(Date.UTC(year, month, 0)));

/** "2023" → 2023; anything else null. */
function singleYear(text: string): number | null {
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

/** "202223", "2022/23", "2022-23", "2022/2023", "2022 to 2023" → 2022 (the year it starts); else null. */
function spanningYear(text: string): number | null {
  const m = /^(\d{4})\s*(?:\/|-|–|to)?\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2]!.length === 2 ? Number(m[1]!.slice(0, 2) + m[2]) : Number(m[2]);
  return end === start + 1 ? start : null;
}

const spanLabel = (start: number) => `${start}/${String(start + 1).slice(2)}`;

type Kind =
  | { kind: "calendar" }
  | { kind: "academic" }
  | { kind: "financial" }
  | { kind: "tax" }
  | { kind: "term"; term: "autumn" | "spring" | "summer" | "autumnSpring" }
  | { kind: "month"; month: number }
  | { kind: "quarter"; of: "calendar" | "academic" | "financial"; quarter: number };

/** A time identifier as the DfE writes them, in any case; null when it is not one Headway reads. */
function kindOf(identifier: string): Kind | null {
  const id = identifier.trim().toLowerCase().replace(/\s+/g, " ");
  if (id === "calendar year" || id === "reporting year") return { kind: "calendar" };
  if (id === "academic year") return { kind: "academic" };
  if (id === "financial year") return { kind: "financial" };
  if (id === "tax year") return { kind: "tax" };
  if (id === "autumn term") return { kind: "term", term: "autumn" };
  if (id === "spring term") return { kind: "term", term: "spring" };
  if (id === "summer term") return { kind: "term", term: "summer" };
  if (id === "autumn and spring term") return { kind: "term", term: "autumnSpring" };
  const month = MONTHS.indexOf(id);
  if (month >= 0) return { kind: "month", month: month + 1 };
  const quarter = /^(calendar|academic|financial) year q([1-4])$/.exec(id);
  if (quarter) return { kind: "quarter", of: quarter[1] as "calendar" | "academic" | "financial", quarter: Number(quarter[2]) };
  return null;
}

const TYPE_KIND: Record<PeriodType, Kind> = {
  CALENDAR_YEAR: { kind: "calendar" },
  ACADEMIC_YEAR: { kind: "academic" },
  FINANCIAL_YEAR: { kind: "financial" },
};

const ok = (end: string, label: string): PeriodRead => ({ ok: true, period: { end, label } });

/**
 * The period `timePeriod` names, of the kind `identifier` gives (a time_identifier such as
 * "Academic year") or the mapping fixes (a PeriodType).
 */
export function readPeriod(timePeriod: string, identifier: string | PeriodType): PeriodRead {
  const text = timePeriod.trim();
  const kind = (PERIOD_TYPES as readonly string[]).includes(identifier) ? TYPE_KIND[identifier as PeriodType] : kindOf(identifier);
  if (!kind) {
    return { ok: false, problem: `the time identifier "${identifier}" is not one Headway reads (calendar, academic or financial year, a term, a month or a quarter)` };
  }
  if (!text) return { ok: false, problem: "the period is empty" };
  const needSpan = () => ({
    ok: false as const,
    problem: `the period "${text}" is not a year that spans two, like 202223 or 2022/23`,
  });
  const needYear = () => ({ ok: false as const, problem: `the period "${text}" is not a year, like 2023` });

  switch (kind.kind) {
    case "calendar": {
      const year = singleYear(text);
      return year === null ? needYear() : ok(monthEnd(year, 12), String(year));
    }
    case "month": {
      const year = singleYear(text);
      return year === null ? needYear() : ok(monthEnd(year, kind.month), `${MONTH_WORDS[kind.month - 1]} ${year}`);
    }
    case "academic": {
      const start = spanningYear(text);
      return start === null ? needSpan() : ok(monthEnd(start + 1, 8), spanLabel(start));
    }
    case "financial": {
      const start = spanningYear(text);
      return start === null ? needSpan() : ok(monthEnd(start + 1, 3), spanLabel(start));
    }
    case "tax": {
      const start = spanningYear(text);
      return start === null ? needSpan() : ok(`${start + 1}-04-05`, spanLabel(start));
    }
    case "term": {
      const start = spanningYear(text);
      if (start === null) return needSpan();
      const label = spanLabel(start);
      if (kind.term === "autumn") return ok(monthEnd(start, 12), `Autumn term ${label}`);
      if (kind.term === "summer") return ok(monthEnd(start + 1, 7), `Summer term ${label}`);
      return ok(monthEnd(start + 1, 3), kind.term === "spring" ? `Spring term ${label}` : `Autumn and spring terms ${label}`);
    }
    case "quarter": {
      if (kind.of === "calendar") {
        const year = singleYear(text);
        return year === null ? needYear() : ok(monthEnd(year, kind.quarter * 3), `Q${kind.quarter} ${year}`);
      }
      const start = spanningYear(text);
      if (start === null) return needSpan();
      // Academic quarters start in September, financial ones in April.
      const first = kind.of === "academic" ? 9 : 4;
      const month = first + kind.quarter * 3 - 1;
      return ok(monthEnd(month > 12 ? start + 1 : start, ((month - 1) % 12) + 1), `${spanLabel(start)} Q${kind.quarter}`);
    }
  }
}
