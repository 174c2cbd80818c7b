/**
 * Dates as people write them in a council's own plan tracker: "31/07/2020", "July 2020", "by end
 * of March 2021", "Q3 2021/22", "Autumn term 2021". A month, quarter, term or year stands for a
 * period; a due date means its last day ("by July 2020" is 31 July 2020), a start date its first.
 *
 * Anything that could mean two different days ("Spring 2021": the spring term or the season?) is
 * "ambiguous", anything that is not a date at all ("ongoing", "TBC") "unreadable", each with a
 * sentence saying why, so the import can warn instead of guessing. UK order only (day/month); a
 * two-digit year is 20xx.
 */
import { fromDay } from "@/lib/calendar";

export type TextDate =
  | { kind: "empty" }
  | { kind: "day"; /** ISO, yyyy-mm-dd */ day: string }
  | { kind: "ambiguous"; reason: string }
  | { kind: "unreadable"; reason: string };

/** Which end of a period a date stands for: a due date is its last day, a start date its first. */
export type PeriodEnd = "last" | "first";

const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|")})\\.?`;
/** A four-digit year, or two digits (20xx), optionally with an apostrophe ('21). */
const YEAR = `(\\d{4}|'?\\d{2})`;

/** Words that say "no date yet" rather than a date. */
const NOT_DATES = [
  "ongoing", "on going", "on-going", "continuous", "continual", "tbc", "tba", "tbd", "to be confirmed", "to be agreed",
  "to be decided", "n/a", "na", "none", "not applicable", "complete", "completed", "done", "achieved", "in place",
  "monthly", "weekly", "termly", "quarterly", "annually", "annual", "yearly", "rolling", "as required", "as needed",
  "immediate", "immediately", "asap", "now", "various", "see above", "see below",
];

type Period = { from: Date; to: Date };

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0));
const month = (y: number, m: number): Period => ({ from: utc(y, m, 1), to: lastOfMonth(y, m) });
const months = (y1: number, m1: number, y2: number, m2: number): Period => ({ from: utc(y1, m1, 1), to: lastOfMonth(y2, m2) });

function yearOf(text: string): number {
  const digits = text.replace("'", "");
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** "2021/22", "2021-22", "21/22", "2021/2022": the first year, when the second follows it. */
function financialYear(first: string, second: string): number | null {
  const a = yearOf(first);
  const b = second.length === 4 ? Number(second) : Math.floor(a / 100) * 100 + Number(second);
  return b === a + 1 ? a : null;
}

const day = (y: number, m: number, d: number): Date | null => {
  const date = utc(y, m, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
};

const unreadable = (reason: string): TextDate => ({ kind: "unreadable", reason });
const ambiguous = (reason: string): TextDate => ({ kind: "ambiguous", reason });

type Term = "autumn" | "spring" | "summer";

/**
 * A school term: autumn September to December, spring January to March (it ends at Easter, which
 * moves; 31 March is the end most years and never later than a deadline meant "by the spring
 * term"), summer April to July. "Autumn term 2021/22" is in 2021, its spring and summer terms in 2022.
 */
function term(name: Term, year: number): Period {
  if (name === "autumn") return months(year, 9, year, 12);
  if (name === "spring") return months(year, 1, year, 3);
  return months(year, 4, year, 7);
}

/** What the text says, as a period (a single day is a period of one day), or why it cannot be read. */
function periodOf(input: string): Period | TextDate {
  const quoted = `“${input}”`;
  let t = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,;]+$/, "");
  if (NOT_DATES.includes(t)) return unreadable(`${quoted} is not a date`);
  // "by", "by the end of", "end of", "due", "deadline:" only say the period is a deadline.
  t = t.replace(/^(?:(?:due|deadline|target|completed?)\s*(?:date)?\s*:?\s*)?(?:by\s+)?(?:(?:the\s+)?end\s+(?:of\s+)?)?/, "").trim();

  let m: RegExpExecArray | null;
  // 2020-07-31, with or without a time.
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][0-9:.]+z?)?$/.exec(t))) {
    const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { from: d, to: d } : unreadable(`${quoted} is not a real date`);
  }
  // 31/07/2020, 31-07-2020, 31.07.20: UK order.
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t))) {
    const d = day(yearOf(m[3]!), Number(m[2]), Number(m[1]));
    if (d) return { from: d, to: d };
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) return unreadable(`${quoted} looks like a US date (month first): write it day first, like 31/07/2020`);
    return unreadable(`${quoted} is not a real date`);
  }
  // 07/2020: a month.
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(t))) {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? month(Number(m[2]), mo) : unreadable(`${quoted} is not a month`);
  }
  // 31 July 2020, 31st Jul 20, July 31 2020, July 31st, 2020.
  if ((m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]${MONTH}[ ,-]*${YEAR}$`).exec(t))) {
    const d = day(yearOf(m[3]!), MONTHS[m[2]!]!, Number(m[1]));
    return d ? { from: d, to: d } : unreadable(`${quoted} is not a real date`);
  }
  if ((m = new RegExp(`^${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? ${YEAR}$`).exec(t))) {
    const d = day(yearOf(m[3]!), MONTHS[m[1]!]!, Number(m[2]));
    return d ? { from: d, to: d } : unreadable(`${quoted} is not a real date`);
  }
  // July 2020, Sept 21, Nov-20, Jul '21.
  if ((m = new RegExp(`^${MONTH}[ /-]*${YEAR}$`).exec(t))) return month(yearOf(m[2]!), MONTHS[m[1]!]!);
  // Q3 2021/22 (English financial-year quarters: Q1 April to June ... Q4 January to March).
  if ((m = /^q([1-4]) (?:fy ?)?('?\d{2}|\d{4}) ?[/-] ?(\d{2}|\d{4})$/.exec(t)) || (m = /^(?:fy ?)?()('?\d{2}|\d{4}) ?[/-] ?(\d{2}|\d{4}) q([1-4])$/.exec(t))) {
    const q = Number(m[1] || m[4]);
    const first = financialYear(m[2]!, m[3]!);
    if (first === null) return unreadable(`${quoted} is not a financial year: the second year must follow the first, like 2021/22`);
    const starts = [4, 7, 10, 1][q - 1]!;
    const y = q === 4 ? first + 1 : first;
    return months(y, starts, y, starts + 2);
  }
  if ((m = /^q([1-4]) (\d{4}|'?\d{2})$/.exec(t))) {
    return ambiguous(`${quoted} could be a calendar quarter or a financial-year quarter: write the financial year, like Q${m[1]} 2021/22, or a date`);
  }
  // 2021/22, FY 2021-22: the financial year, April to March.
  if ((m = /^(?:fy ?|financial year )?(\d{4}|'?\d{2}) ?[/-] ?(\d{2}|\d{4})$/.exec(t))) {
    const first = financialYear(m[1]!, m[2]!);
    if (first === null) return unreadable(`${quoted} is not a financial year: the second year must follow the first, like 2021/22`);
    return months(first, 4, first + 1, 3);
  }
  // Autumn term 2021, spring term 2021/22.
  if ((m = /^(autumn|spring|summer) term (\d{4}|'?\d{2})(?: ?[/-] ?(\d{2}|\d{4}))?$/.exec(t))) {
    const name = m[1] as Term;
    let year = yearOf(m[2]!);
    if (m[3] !== undefined) {
      const first = financialYear(m[2]!, m[3]);
      if (first === null) return unreadable(`${quoted} is not a school year: the second year must follow the first, like 2021/22`);
      year = name === "autumn" ? first : first + 1;
    }
    return term(name, year);
  }
  if ((m = /^(autumn|spring|summer|winter) (\d{4}|'?\d{2})$/.exec(t))) {
    const what = m[1] === "winter" ? "the end of one year or the start of the next" : `the ${m[1]} term or the season`;
    return ambiguous(`${quoted} could mean ${what}: write a month, a date or the term, like ${m[1] === "winter" ? "December" : `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)} term`} ${m[2]}`);
  }
  if (/^\d{4}$/.test(t)) {
    return ambiguous(`${quoted} is a whole year: write the month, or the financial year like ${t}/${String((Number(t) + 1) % 100).padStart(2, "0")}`);
  }
  if (/\d/.test(t) && /\s(?:-|to|until)\s|^(?:from|between)\b/.test(t)) {
    return ambiguous(`${quoted} is a range of dates: write the one date it is due by`);
  }
  return unreadable(`${quoted} is not a date Headway can read: write it like 31/07/2020 or July 2020`);
}

const MIN_YEAR = 1950;
const MAX_YEAR = 2200;

/** The day a tracker's date cell stands for, or why it cannot be read. */
export function readTextDate(text: string, end: PeriodEnd = "last"): TextDate {
  if (text.trim() === "") return { kind: "empty" };
  const read = periodOf(text.trim());
  if ("kind" in read) return read;
  const d = end === "last" ? read.to : read.from;
  const y = d.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return unreadable(`“${text.trim()}” is not a date between ${MIN_YEAR} and ${MAX_YEAR}`);
  return { kind: "day", day: fromDay(d) };
}
