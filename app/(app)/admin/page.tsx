import type { Metadata } from "next";
import { AdminPanel } from "@/components/admin/admin-panel";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";

export const metadata: Metadata = { title: "Administration" };

type Params = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminPage({ searchParams }: Params) {
  const query = await searchParams;
  // The address is anyone's to type: a page that is not a whole number reads as the first, and a
  // search longer than the form allows is cut rather than refused.
  const page = Number(one(query.page));
  const input = { q: one(query.q)?.slice(0, 100), page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : undefined };
  // A refusal becomes the sign-in or forbidden page.
  const overview = await loadForPage(getQueryClient().fetchQuery(trpc.admin.overview.queryOptions(input)), routes.admin());
  return (
    <>
      <h1 className="mb-8 text-4xl">Administration</h1>
      <AdminPanel data={overview} />
    </>
  );
}
