/**
 * Bulk loading for the national data generator: rows are collected column by column and written
 * with one `INSERT ... SELECT FROM unnest($1::text[], $2::int[], ...)` per batch, which PostgreSQL
 * takes tens of thousands of rows at a time, instead of one statement per row.
 */
import type { ClientBase } from "pg";

export const DAY_MS = 86_400_000;

/** How a column travels: timestamps as epoch milliseconds, dates as day numbers, enums as text. */
export type ColumnType = "text" | "int" | "float" | "bool" | "timestamp" | "date" | { enum: string } | { enumArray: string };

export type Row = Record<string, string | number | boolean | null | undefined>;

export class Rows {
  readonly columns: string[];
  private readonly data: unknown[][];

  constructor(
    readonly table: string,
    readonly types: Record<string, ColumnType>,
  ) {
    this.columns = Object.keys(types);
    this.data = this.columns.map(() => []);
  }

  get length(): number {
    return this.data[0]!.length;
  }

  add(row: Row): void {
    for (let i = 0; i < this.columns.length; i++) this.data[i]!.push(row[this.columns[i]!] ?? null);
  }

  /** Column `name` of every row, as added. */
  column(name: string): unknown[] {
    return this.data[this.columns.indexOf(name)]!;
  }

  async insert(client: ClientBase, batchSize = 20_000): Promise<void> {
    const params = this.columns.map((c, i) => `$${i + 1}::${arrayType(this.types[c]!)}`).join(", ");
    const selects = this.columns.map((c, i) => cast(`u.c${i}`, this.types[c]!)).join(", ");
    const sql =
      `INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(", ")}) ` +
      `SELECT ${selects} FROM unnest(${params}) AS u(${this.columns.map((_, i) => `c${i}`).join(", ")})`;
    for (let start = 0; start < this.length; start += batchSize) {
      const values = this.columns.map((c, i) => encode(this.types[c]!, this.data[i]!.slice(start, start + batchSize)));
      await client.query(sql, values);
    }
  }
}

function arrayType(type: ColumnType): string {
  if (type === "int") return "int[]";
  if (type === "float") return "float8[]";
  if (type === "bool") return "bool[]";
  return "text[]";
}

function cast(expr: string, type: ColumnType): string {
  if (type === "timestamp") return `${expr}::timestamp(3)`;
  if (type === "date") return `${expr}::date`;
  if (typeof type === "object" && "enum" in type) return `${expr}::"${type.enum}"`;
  if (typeof type === "object") return `${expr}::"${type.enumArray}"[]`;
  return expr;
}

// UTC wall-clock text: the columns are `timestamp without time zone` holding UTC, as Prisma writes them.
const timestampText = (ms: number) => new Date(ms).toISOString().slice(0, 23);
const dateText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function encode(type: ColumnType, values: unknown[]): unknown[] {
  if (type === "timestamp") return values.map((v) => (v === null ? null : timestampText(v as number)));
  if (type === "date") return values.map((v) => (v === null ? null : dateText(v as number)));
  return values;
}
