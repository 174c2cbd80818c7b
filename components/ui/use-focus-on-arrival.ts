"use client";
/**
 * Where the keyboard goes after a form posts: to what the form says back, the success notice or
 * the error summary (GOV.UK). The submit button is disabled while the form posts, and a disabled
 * button drops the focus to the top of the page; the message takes it instead, so a screen reader
 * reads it and the next Tab carries on from the form.
 *
 * Focus moves once for each arrival: when `arrival` becomes a new non-empty value, not on every
 * render (typing in a field keeps its focus). Until the person moves the focus themselves, the
 * message keeps it through the refresh that follows the change (useRefresh): if the refreshed page
 * lets the focus fall back to the page itself, it is put back on the message while the message is
 * still there.
 */
import { useEffect, useRef } from "react";

/** The focus has fallen to the page itself: nothing in it holds the focus. */
const focusFellToPage = () => document.activeElement === null || document.activeElement === document.body;

export function useFocusOnArrival<T extends HTMLElement>(arrival: string | null | undefined) {
  const ref = useRef<T>(null);
  // True from the message taking the focus until the person moves it (a click, or focus anywhere else).
  const held = useRef(false);

  useEffect(() => {
    const element = ref.current;
    if (!arrival || !element) {
      held.current = false;
      return;
    }
    element.focus();
    held.current = document.activeElement === element;
    const release = (event: Event) => {
      if (event.type === "pointerdown" || event.target !== element) held.current = false;
    };
    document.addEventListener("focusin", release);
    document.addEventListener("pointerdown", release);
    return () => {
      document.removeEventListener("focusin", release);
      document.removeEventListener("pointerdown", release);
    };
  }, [arrival]);

  // After each render of the message (among them the one the refresh brings), give the focus back if it fell to the page.
  useEffect(() => {
    if (held.current && focusFellToPage() && ref.current?.isConnected) ref.current.focus({ preventScroll: true });
  });

  return ref;
}
