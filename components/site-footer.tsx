/**
 * The footer on every page: how to reach the area's council, on a published area's public pages
 * (the `@footer` slot of the root layout fills `area`), and on every page the accessibility
 * statement, the privacy notice and the service's status in words.
 */
import Link from "next/link";
import { routes } from "@/lib/routes";

export function SiteFooter({ area }: { area?: React.ReactNode }) {
  return (
    <footer className="no-print border-t border-border bg-panel">
      <div className="mx-auto max-w-[1020px] px-4 py-6 text-base text-secondary">
        {area}
        <p className="mb-3">Headway tracks local-area SEND improvement plans from inspection to revisit.</p>
        <nav aria-label="About this service">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link href={routes.accessibility()}>Accessibility statement</Link>
            </li>
            <li>
              <Link href={routes.privacy()}>Privacy</Link>
            </li>
            <li>
              <Link href={routes.status()}>Service status</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

/** "Contact <council>" for a published area, with its web page or email address as the lead set them. */
export function AreaContact({ areaName, contact }: { areaName: string; contact: { name: string; email: string | null; url: string | null } }) {
  const mailto = contact.email ? `mailto:${contact.email}` : null;
  return (
    <p className="mb-3 break-words text-ink">
      Questions about {areaName}&apos;s plan? <a href={contact.url ?? mailto!}>Contact {contact.name}</a>
      {contact.url && mailto ? (
        <>
          {" "}
          or email <a href={mailto}>{contact.email}</a>
        </>
      ) : contact.email ? (
        <> ({contact.email})</>
      ) : null}
      .
    </p>
  );
}
