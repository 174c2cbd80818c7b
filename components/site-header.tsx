/**
 * The header on every page: the service name, and for signed-in people an area switcher,
 * notifications with the unread count, and a user menu. Menus are <details> elements: they open
 * and close by keyboard with no script.
 */
import Link from "next/link";
import type { Session } from "next-auth";
import { SignOutButton } from "@/components/sign-out-button";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { AREA_ROLE } from "@/lib/labels";
import { nationalScope } from "@/server/auth/national-scope";
import { routes } from "@/lib/routes";

const menuLink = "block px-3 py-2 text-ink! no-underline hover:underline";

/** One indexed count per page; a failure leaves the link without its count rather than the page without a header. */
async function unreadNotifications(): Promise<number | null> {
  try {
    return await getQueryClient().fetchQuery(trpc.notification.unreadCount.queryOptions());
  } catch {
    return null;
  }
}

export async function SiteHeader({ user }: { user: Session["user"] | null }) {
  const unread = user ? await unreadNotifications() : null;
  return (
    <header className="border-b-[10px] border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-[1020px] flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-white! no-underline hover:underline focus-visible:text-ink!">
          Headway
        </Link>
        {user ? (
          <nav aria-label="Your account" className="flex flex-wrap items-center gap-5">
            {user.memberships.length > 0 || user.globalRole === "NATIONAL" ? (
              <details className="relative">
                <summary className="cursor-pointer font-bold text-white">Local areas</summary>
                <ul className="absolute right-0 z-10 mt-2 w-72 border-2 border-ink bg-white text-base shadow-lg">
                  {user.memberships.map((m) => (
                    <li key={m.localAreaId}>
                      <Link className={menuLink} href={routes.area(m.slug)}>
                        {m.name} <span className="text-secondary">({AREA_ROLE[m.role]})</span>
                      </Link>
                    </li>
                  ))}
                  <li className="border-t border-border">
                    <Link className={menuLink} href={routes.localAreas()}>
                      {user.globalRole === "NATIONAL" ? "All local areas" : "All your local areas"}
                    </Link>
                  </li>
                </ul>
              </details>
            ) : null}
            {user.memberships.some((m) => m.role === "LEAD" || m.role === "CONTRIBUTOR") ? (
              <Link href={routes.myWork()} className="font-bold text-white! focus-visible:text-ink!">
                My work
              </Link>
            ) : null}
            {nationalScope({ userId: user.id, globalRole: user.globalRole, memberships: user.memberships }) ? (
              <Link href={routes.national()} className="font-bold text-white! focus-visible:text-ink!">
                National view
              </Link>
            ) : null}
            <Link href={routes.notifications()} className="font-bold text-white! focus-visible:text-ink!">
              Notifications{unread ? ` (${unread} unread)` : ""}
            </Link>
            {user.globalRole === "ADMIN" ? (
              <Link href={routes.admin()} className="font-bold text-white! focus-visible:text-ink!">
                Administration
              </Link>
            ) : null}
            <details className="relative">
              <summary className="cursor-pointer font-bold text-white">{user.name ?? user.email}</summary>
              <div className="absolute right-0 z-10 mt-2 w-72 border-2 border-ink bg-white p-3 text-base text-ink shadow-lg">
                <p className="font-bold">{user.name}</p>
                <p className="mb-2 break-all text-secondary">{user.email}</p>
                {user.globalRole ? <p className="mb-2">{user.globalRole === "NATIONAL" ? "National team" : "Administrator"}</p> : null}
                <p className="mb-2">
                  <Link href={routes.notificationSettings()}>Notification settings</Link>
                </p>
                <div className="bg-ink px-3 py-1">
                  <SignOutButton />
                </div>
              </div>
            </details>
          </nav>
        ) : (
          <Link href={routes.signIn()} className="font-bold text-white! focus-visible:text-ink!">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
