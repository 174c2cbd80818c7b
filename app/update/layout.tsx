import type { Metadata } from "next";

/**
 * Pages opened from an update request link. The token is in the address, so the browser must not
 * send it on as a Referer to anything these pages link to or load, and search engines must not keep it.
 */
export const metadata: Metadata = {
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export default function UpdateRequestLayout({ children }: { children: React.ReactNode }) {
  return children;
}
