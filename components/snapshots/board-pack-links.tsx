import { routes } from "@/lib/routes";
/** Download links for a board pack, of the current state or of one snapshot. */
export function boardPackHref(slug: string, format: "pdf" | "docx", snapshotId?: string) {
  return routes.boardPack(slug, { format, snapshot: snapshotId || undefined });
}

export function BoardPackLinks({ slug, snapshotId, of }: { slug: string; snapshotId?: string; of?: string }) {
  const which = of ? <span className="sr-only"> of {of}</span> : null;
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2">
      <li>
        <a href={boardPackHref(slug, "pdf", snapshotId)}>
          Download board pack{which} (PDF)
        </a>
      </li>
      <li>
        <a href={boardPackHref(slug, "docx", snapshotId)}>
          Download board pack{which} (Word)
        </a>
      </li>
    </ul>
  );
}
