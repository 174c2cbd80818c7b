/**
 * The error summary's entries for a react-hook-form form: every field error, nested ones
 * included (a milestone's date), each linking to its control by the id the form gives it,
 * `${prefix}-${path}`.
 */
import type { FieldErrors } from "react-hook-form";
import type { FieldError } from "@/components/ui/error-summary";

export function errorList(errors: FieldErrors, prefix: string, describe: (path: string, message: string) => string = (_, m) => m): FieldError[] {
  const out: FieldError[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const { message, type } = node as { message?: unknown; type?: unknown };
    // A field's error: its other keys (ref, types) are react-hook-form's, not fields.
    if (typeof type === "string") {
      if (typeof message === "string" && message) out.push({ field: `${prefix}-${path}`, message: describe(path, message) });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      // An array's own error (too many items) sits under `root`: it belongs to the array.
      walk(child, key === "root" ? path : path ? `${path}.${key}` : key);
    }
  };
  walk(errors, "");
  return out;
}

/** The error summary's entries, each once: a form's own check and the server's may say the same. */
export function summaryOf(...lists: FieldError[][]): FieldError[] {
  const seen = new Set<string>();
  return lists.flat().filter((e) => {
    const key = `${e.field}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
