import type { Metadata } from "next";
import Link from "next/link";
import { GrantRoleForm } from "@/components/admin/grant-role-form";
import { PersonalDataControls } from "@/components/admin/personal-data-controls";
import { RevokeButton } from "@/components/admin/revoke-button";
import { AREA_ROLE } from "@/lib/labels";
import { formatDateTime } from "@/lib/format/dates";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";

export const metadata: Metadata = { title: "A person in administration" };

/**
 * One person, for an administrator: the roles they hold in local areas (given and removed here),
 * and their data for answering their request (PRIVACY.md): what Headway holds, to download as one
 * JSON file, and erasure.
 */
export default async function PersonalDataPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  // A refusal becomes the sign-in, forbidden or not-found page.
  const queries = getQueryClient();
  const [data, roles] = await Promise.all([
    loadForPage(queries.fetchQuery(trpc.personalData.export.queryOptions({ userId })), routes.adminPerson(userId)),
    loadForPage(queries.fetchQuery(trpc.admin.personRoles.queryOptions({ userId })), routes.adminPerson(userId)),
  ]);
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
      <h1 className="mb-6 text-4xl">{name}</h1>
      {data.person.erasedAt ? (
        <p className="mb-6">Erased on {formatDateTime(data.person.erasedAt)}: the name and email above are a pseudonym.</p>
      ) : (
        <p className="mb-6 break-all">{data.person.email}</p>
      )}
      <h2 className="mb-4 text-2xl">Roles in local areas</h2>
      <ul className="mb-6 list-disc pl-6">
        {roles.person.globalRole ? <li>{roles.person.globalRole === "NATIONAL" ? "National team (every area)" : "Administrator"}</li> : null}
        {roles.person.memberships.map((m) => (
          <li key={m.id}>
            {AREA_ROLE[m.role]} in {m.localArea.name}{" "}
            <RevokeButton membershipId={m.id} label={`${name} as ${AREA_ROLE[m.role].toLowerCase()} in ${m.localArea.name}`} />
          </li>
        ))}
        {!roles.person.globalRole && roles.person.memberships.length === 0 ? <li>No roles yet</li> : null}
      </ul>
      {selfId === userId ? (
        <p className="mb-8">Another administrator gives you a role if you need one: whoever manages accounts does not also grant their own access.</p>
      ) : roles.person.erasedAt ? null : (
        <GrantRoleForm person={{ id: userId, label: roles.person.name ? `${roles.person.name} (${roles.person.email})` : (roles.person.email ?? name) }} areas={roles.areas} />
      )}
      <h2 className="mb-4 text-2xl">Personal data Headway holds</h2>
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
