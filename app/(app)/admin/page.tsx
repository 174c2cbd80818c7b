import type { Metadata } from "next";
import { AdminPanel } from "@/components/admin/admin-panel";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  // Fetch (not just prefetch) so a refusal becomes the sign-in or forbidden page.
  await loadForPage(getQueryClient().fetchQuery(trpc.admin.overview.queryOptions()), routes.admin());
  return (
    <>
      <h1 className="mb-8 text-4xl">Administration</h1>
      <HydrateClient>
        <AdminPanel />
      </HydrateClient>
    </>
  );
}
