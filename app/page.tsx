import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getSession } from "@/server/auth/options";
import { routes } from "@/lib/routes";

export default async function HomePage() {
  const session = await getSession();
  if (session?.user) redirect(session.user.globalRole === "ADMIN" && session.user.memberships.length === 0 ? routes.admin() : routes.localAreas());
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-4xl">Headway</h1>
      <p className="mb-4 text-xl">
        Track a local area&apos;s SEND improvement plan from the inspectors&apos; findings to the revisit: who is doing what,
        whether it is working, and what families think of it.
      </p>
      <p className="mb-8">
        For councils and their NHS partners, parent carer forums, and DfE and NHS England advisers.
      </p>
      <Link href={routes.signIn()} className={`${buttonClass.primary} text-white! no-underline`}>
        Sign in
      </Link>
    </div>
  );
}
