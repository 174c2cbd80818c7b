import type { Metadata } from "next";
import { AdminPanel } from "@/components/admin/admin-panel";
import { getQueryClient, HydrateClient, loadForPage, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  // Fetch (not just prefetch) so a refusal becomes the sign-in or forbidden page.
  await loadForPage(getQueryClient().fetchQuery(trpc.admin.overview.queryOptions()), "/admin");
  return (
    <>
      <h1 className="mb-8 text-4xl">Administration</h1>
      <HydrateClient>
        <AdminPanel />
      </HydrateClient>
    </>
  );
}
