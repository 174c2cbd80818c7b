"use client";
/**
 * Shows its children only while the address is one of the area's public pages. The footer's area
 * line lives in a parallel route slot (app/@footer), and a slot keeps what it last showed when
 * someone moves on to a page the slot has no page for (default.tsx only serves a full page load):
 * without this, "Contact <council>" would stay in the footer of the next page.
 */
import { usePathname } from "next/navigation";
import { routes } from "@/lib/routes";

export function OnAreaPages({ slug, children }: { slug: string; children: React.ReactNode }) {
  const path = usePathname();
  const home = routes.publicArea(slug);
  return path === home || path.startsWith(`${home}/`) ? children : null;
}
