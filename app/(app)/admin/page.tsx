import type { Metadata } from "next";
import { AdminPanel } from "@/components/admin/admin-panel";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  // A refusal becomes the sign-in or forbidden page.
  const overview = await loadForPage(getQueryClient().fetchQuery(trpc.admin.overview.queryOptions()), routes.admin());
  // The administrator's own account is not offered for a role: the server refuses it anyway.
  const selfId = viewerOf(await getSession())?.userId ?? null;
  return (
    <>
      <h1 className="mb-8 text-4xl">Administration</h1>
      <AdminPanel data={overview} selfId={selfId} />
    </>
  );
}
