import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getSession } from "@/server/auth/options";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";

export default async function HomePage() {
  const session = await getSession();
  if (session?.user) redirect(session.user.globalRole === "ADMIN" && session.user.memberships.length === 0 ? routes.admin() : routes.localAreas());
  const areas = await loadForPage(getQueryClient().fetchQuery(trpc.publicArea.list.queryOptions()), routes.home());
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">Headway</h1>
      <p className="mb-4 text-xl">
        Track a local area&apos;s SEND improvement plan from the inspectors&apos; findings to the revisit: who is doing what,
        whether it is working, and what families think of it.
      </p>

      <section aria-labelledby="for-families" className="mb-8 border-l-4 border-brand pl-4">
        <h2 id="for-families" className="mb-2 text-2xl">
          For families
        </h2>
        <p className="mb-2">
          See how your local area is doing on its plan to improve support for children and young people with special
          educational needs and disabilities (SEND). No account needed.
        </p>
        {areas.length ? (
          <ul className="mb-2 list-disc space-y-1 pl-5">
            {areas.map((area) => (
              <li key={area.slug}>
                <Link href={routes.publicArea(area.slug)}>{area.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-2">No local area has published its progress here yet.</p>
        )}
        <p className="mb-0">
          <Link href={routes.publicAreas()}>All published areas</Link>
        </p>
      </section>

      <h2 className="mb-2 text-2xl">For councils and their partners</h2>
      <p className="mb-6">
        For councils and their NHS partners, parent carer forums, and DfE and NHS England advisers.
      </p>
      <Link href={routes.signIn()} className={`${buttonClass.primary} text-white! no-underline`}>
        Sign in
      </Link>
    </div>
  );
}
