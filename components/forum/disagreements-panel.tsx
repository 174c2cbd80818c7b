/** Where the forum currently disagrees, in a red box the lead and advisers cannot miss. */
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import type { ForumDisagreement as Disagreement } from "@/components/trpc/outputs";

export function DisagreementsPanel({ disagreements, headingLevel = 2 }: { disagreements: Disagreement[]; headingLevel?: 2 | 3 }) {
  if (disagreements.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="forum-disagrees" className="mb-8 border-4 border-error bg-white p-4">
      <Heading id="forum-disagrees" className="mb-3 text-2xl">
        The forum disagrees
      </Heading>
      <ul className="space-y-3">
        {disagreements.map((d) => (
          <li key={d.id}>
            <strong className="tag bg-[#f4cdc6] text-[#2a0b06]">Disagree</strong>{" "}
            {d.about.href ? <Link href={d.about.href}>{d.about.label}</Link> : d.about.label}
            <span className="text-secondary"> · {formatDate(d.createdAt)}</span>
            {d.text ? <p className="mt-1 max-w-3xl whitespace-pre-line">{d.text.length > 240 ? `${d.text.slice(0, 240)}…` : d.text}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
