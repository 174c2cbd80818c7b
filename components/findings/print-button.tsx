"use client";
/**
 * Prints the page; the print stylesheet (app/globals.css) turns it into a clean document. The
 * finding page folds its detail into disclosures: the stylesheet prints them open where the browser
 * can style a closed disclosure's content, and for the rest they are opened just before printing
 * (from this button or the browser's own print command) and closed again after.
 */
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";

const FOLDED = "details.pack-details:not([open])";

function openFoldedForPrint(): () => void {
  const opened = Array.from(document.querySelectorAll<HTMLDetailsElement>(FOLDED));
  for (const d of opened) d.open = true;
  return () => {
    for (const d of opened) d.open = false;
  };
}

export function PrintButton({ children = "Print this evidence pack" }: { children?: React.ReactNode }) {
  useEffect(() => {
    let restore: (() => void) | null = null;
    const before = () => {
      restore ??= openFoldedForPrint();
    };
    const after = () => {
      restore?.();
      restore = null;
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <button type="button" className={`${buttonClass.secondary} no-print`} onClick={() => window.print()}>
      {children}
    </button>
  );
}
