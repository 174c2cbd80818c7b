import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";
import { routes } from "@/lib/routes";

/** Every page in this group is for signed-in people; others are sent to sign in and back. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session?.user) {
    const path = (await headers()).get("x-headway-path") ?? routes.localAreas();
    // Written out: server/api/public-walk.test.ts reads this redirect in the source.
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return <>{children}</>;
}
