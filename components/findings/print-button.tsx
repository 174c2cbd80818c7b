"use client";
/** Prints the page; the print stylesheet (app/globals.css) turns it into a clean document. */
import { buttonClass } from "@/components/ui/button";

export function PrintButton({ children = "Print this evidence pack" }: { children?: React.ReactNode }) {
  return (
    <button type="button" className={`${buttonClass.secondary} no-print`} onClick={() => window.print()}>
      {children}
    </button>
  );
}
