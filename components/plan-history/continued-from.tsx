/**
 * What a carried-forward finding or action continues, on its own page: a link to the earlier
 * record ("Continues finding 1 of <WSOA title>"), and that record's evidence, co-production
 * records, forum verdicts and adviser notes, read where they were made. Read-only: nothing here
 * can be changed, and each item links back to the record it belongs to.
 */
import Link from "next/link";
import { AdviserViewTag, VerdictTag } from "@/components/ui/tag";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { formatDate } from "@/lib/format/dates";
import { COPRODUCTION_LEVEL, COPRODUCTION_PARTICIPANT, COPRODUCTION_STAGE, EVIDENCE_KIND, PLAN_TYPE, VISIBILITY } from "@/lib/labels";
import { routes } from "@/lib/routes";

export type ContinuedFrom = NonNullable<RouterOutputs["finding"]["continues"]> | NonNullable<RouterOutputs["action"]["continues"]>;

type On = ContinuedFrom["evidence"][number]["on"];

const recordHref = (slug: string, on: On) => (on.kind === "finding" ? routes.finding(slug, on.id) : routes.action(slug, on.id));
const onWords = (on: On) => (on.kind === "finding" ? `finding ${on.ref}` : `action ${on.ref}`);

/** "Continues finding 1 of Northbridge Written Statement of Action", linking to it. */
export function ContinuesLink({ slug, history }: { slug: string; history: ContinuedFrom }) {
  const { predecessor } = history;
  const href = history.kind === "finding" ? routes.finding(slug, predecessor.id) : routes.action(slug, predecessor.id);
  return (
    <p className="mb-4">
      <Link href={href}>
        Continues {history.kind} {predecessor.ref} of {predecessor.plan.title}
      </Link>
    </p>
  );
}

function OnRecord({ slug, on }: { slug: string; on: On }) {
  return (
    <>
      {" "}
      on <Link href={recordHref(slug, on)}>{onWords(on)}</Link>
    </>
  );
}

export function ContinuedFromSection({ slug, history }: { slug: string; history: ContinuedFrom }) {
  const { predecessor } = history;
  const planWords = PLAN_TYPE[predecessor.plan.type].toLowerCase();
  const headingId = `continued-from-${predecessor.id}`;
  return (
    <section aria-labelledby={headingId} className="mb-10 border-l-4 border-border pl-4 sm:pl-6">
      <h2 id={headingId} className="mb-2 text-2xl">
        From the {planWords}
      </h2>
      <p className="mb-6 max-w-3xl">
        This {history.kind} continues {history.kind} {predecessor.ref} of{" "}
        <Link href={routes.planRecord(slug, predecessor.plan.id)}>{predecessor.plan.title}</Link>. What was recorded there stays there, as it was
        made: shown here to read, each item linked to where it lives.
      </p>

      <h3 className="mb-2 text-xl">Evidence</h3>
      {history.evidence.length === 0 ? (
        <p className="mb-6">No evidence you can see was added there.</p>
      ) : (
        <ul className="mb-6 space-y-3">
          {history.evidence.map((e) => (
            <li key={e.id}>
              {e.withdrawn ? (
                <span>
                  {e.title} <span className="text-secondary">(withdrawn)</span>
                </span>
              ) : e.file ? (
                <a href={e.file.href}>{e.title}</a>
              ) : e.url ? (
                <a href={e.url} rel="noopener noreferrer">
                  {e.title}
                </a>
              ) : (
                <span>{e.title}</span>
              )}
              <span className="block text-base text-secondary">
                {EVIDENCE_KIND[e.kind]} evidence, {VISIBILITY[e.visibility].toLowerCase()}, added {formatDate(e.createdAt)}
                {e.uploadedBy ? ` by ${e.uploadedBy}` : ""}
                <OnRecord slug={slug} on={e.on} />
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="mb-2 text-xl">Co-production records</h3>
      {history.coproduction.length === 0 ? (
        <p className="mb-6">No co-production was recorded there.</p>
      ) : (
        <ul className="mb-6 space-y-3">
          {history.coproduction.map((r) => (
            <li key={r.id}>
              <span className="font-bold">
                {formatDate(r.date)}: {COPRODUCTION_STAGE[r.stage]}
              </span>
              <span className="block text-base text-secondary">
                With {r.involved.map((p) => COPRODUCTION_PARTICIPANT[p].toLowerCase()).join(", ")}
                {r.familiesReached != null ? `, ${r.familiesReached} ${r.familiesReached === 1 ? "family" : "families"} reached` : ""}
                {r.recordedBy ? `, recorded by ${r.recordedBy}` : ""}
                <OnRecord slug={slug} on={r.on} />
              </span>
              {r.note ? <span className="block max-w-3xl whitespace-pre-line">{r.note}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h3 className="mb-2 text-xl">What the parent carer forum said</h3>
      {history.verdicts.length === 0 ? (
        <p className="mb-6">The forum gave no verdict there.</p>
      ) : (
        <ul className="mb-6 space-y-4">
          {history.verdicts.map((v) => (
            <li key={v.id}>
              <p className="mb-1">
                <VerdictTag verdict={v.verdict} />{" "}
                <span className="text-secondary">
                  {formatDate(v.createdAt)}
                  {v.authorName ? ` by ${v.authorName}` : ""}
                  <OnRecord slug={slug} on={v.on} />
                  {v.current ? "" : " (replaced by a later verdict)"}
                </span>
              </p>
              <p className="mb-1 max-w-3xl whitespace-pre-line">{v.text}</p>
              {v.levelRecognised ? <p className="text-base">Level of co-production recognised: {COPRODUCTION_LEVEL[v.levelRecognised]}</p> : null}
            </li>
          ))}
        </ul>
      )}

      {history.adviserNotes ? (
        <>
          <h3 className="mb-2 text-xl">Adviser&apos;s notes</h3>
          {history.adviserNotes.length === 0 ? (
            <p className="mb-6">No adviser wrote a note there.</p>
          ) : (
            <ul className="mb-6 space-y-4">
              {history.adviserNotes.map((n) => (
                <li key={n.id}>
                  <p className="mb-1">
                    {n.view ? <AdviserViewTag view={n.view} /> : <span className="font-bold">No view given</span>}{" "}
                    <span className="text-secondary">
                      {formatDate(n.date)}
                      {n.authorName ? ` by ${n.authorName}` : ""}
                      <OnRecord slug={slug} on={{ kind: "finding", id: predecessor.id, ref: predecessor.ref }} />
                    </span>
                  </p>
                  <p className="max-w-3xl whitespace-pre-line">{n.note}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
