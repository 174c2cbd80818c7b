import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";

/** Every page in this group is for signed-in people; others are sent to sign in and back. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session?.user) {
    const path = (await headers()).get("x-headway-path") ?? "/local-areas";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return <>{children}</>;
}
