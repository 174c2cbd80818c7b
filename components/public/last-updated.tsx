/**
 * "Last updated 12 March 2026" on every item of the public page, or, when the item has fallen
 * behind its plan's own rule, a tag that says so in words as well as colour.
 */
import { formatDate } from "@/lib/format/dates";
import { Tag } from "@/components/ui/tag";

export function LastUpdated({ date, stale }: { date: Date | null; stale: boolean }) {
  if (!date) return null;
  return stale ? (
    <Tag colour="orange">Not updated since {formatDate(date)}</Tag>
  ) : (
    <span className="text-secondary">Last updated {formatDate(date)}</span>
  );
}
