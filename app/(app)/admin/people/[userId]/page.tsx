import type { Metadata } from "next";
import Link from "next/link";
import { PersonalDataControls } from "@/components/admin/personal-data-controls";
import { formatDateTime } from "@/lib/format/dates";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";

export const metadata: Metadata = { title: "Personal data" };

/**
 * One person's data, for an administrator answering their request (PRIVACY.md): what Headway
 * holds, to download as one JSON file, and erasure.
 */
export default async function PersonalDataPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  // A refusal becomes the sign-in, forbidden or not-found page.
  const data = await loadForPage(getQueryClient().fetchQuery(trpc.personalData.export.queryOptions({ userId })), routes.adminPerson(userId));
  const selfId = viewerOf(await getSession())?.userId ?? null;
  const name = data.person.name ?? data.person.email ?? "This person";
  const counts: [string, number][] = [
    ["Roles in local areas", data.memberships.length],
    ["Updates written", data.actionUpdates.length],
    ["Comments", data.comments.length],
    ["Actions owned", data.ownedActions.length],
    ["Evidence added", data.evidence.uploaded.length],
    ["Changes in the audit trail", data.auditEvents.length],
  ];
  return (
    <>
      <p className="mb-6">
        <Link href={routes.admin()}>Back to administration</Link>
      </p>
      <h1 className="mb-6 text-4xl">Personal data: {name}</h1>
      {data.person.erasedAt ? (
        <p className="mb-6">Erased on {formatDateTime(data.person.erasedAt)}: the name and email above are a pseudonym.</p>
      ) : (
        <p className="mb-6 break-all">{data.person.email}</p>
      )}
      <h2 className="mb-4 text-2xl">What Headway holds</h2>
      <dl className="mb-8 grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        {counts.map(([label, n]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="text-right font-bold">{n}</dd>
          </div>
        ))}
      </dl>
      <PersonalDataControls userId={userId} name={name} data={data} canErase={selfId !== userId && !data.person.erasedAt} />
    </>
  );
}
