/**
 * What the notifications page calls new: those unread as it opened. One decision for both the "New"
 * tags and the sentence above the list, so the sentence never says "Nothing new" above a tag.
 */
import { pluralise } from "@/lib/format/plurals";

export function newSinceLastLooked(items: ReadonlyArray<{ id: string; readAt: Date | null }>) {
  const ids: ReadonlySet<string> = new Set(items.filter((n) => n.readAt === null).map((n) => n.id));
  return {
    ids,
    sentence: ids.size ? `${pluralise(ids.size, "new notification")} since you last looked.` : "Nothing new since you last looked.",
  };
}
