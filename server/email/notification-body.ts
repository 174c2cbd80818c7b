/**
 * A notification's body is stored as plain text with a little structure, so one stored row reads
 * well in the app, in a plain-text email and in an HTML email:
 *   a line is a paragraph; "## " starts a heading; "- " starts a list item; "- [text](/path)" is
 *   a list item that links somewhere. Browser-safe: the notifications page parses it too.
 */
export type BodyBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string }
  | { type: "list"; items: { text: string; href?: string }[] };

const LINKED_ITEM = /^\[(.+)\]\((\/[^\s)]*)\)$/;

export function parseBody(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const raw of body.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("## ")) blocks.push({ type: "heading", text: line.slice(3).trim() });
    else if (line.startsWith("- ")) {
      const rest = line.slice(2).trim();
      const linked = LINKED_ITEM.exec(rest);
      const item = linked ? { text: linked[1]!, href: linked[2]! } : { text: rest };
      const last = blocks.at(-1);
      if (last?.type === "list") last.items.push(item);
      else blocks.push({ type: "list", items: [item] });
    } else blocks.push({ type: "paragraph", text: line });
  }
  return blocks;
}

/** Builds a body from blocks: what the jobs write. Newlines inside text become spaces. */
export function writeBody(blocks: BodyBlock[]): string {
  const flat = (s: string) => s.replace(/\s+/g, " ").trim();
  return blocks
    .map((b) => {
      if (b.type === "heading") return `## ${flat(b.text)}`;
      if (b.type === "paragraph") return flat(b.text);
      return b.items.map((i) => (i.href ? `- [${flat(i.text)}](${i.href})` : `- ${flat(i.text)}`)).join("\n");
    })
    .join("\n");
}
