/**
 * The privacy notice, open to everyone (linked from every page's footer). Its words are
 * PRIVACY.md's, read when the page is served, so the notice in the repository and the one people
 * read are one text. The file uses a small part of Markdown: headings, paragraphs, lists, bold.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy notice" };

type Block = { kind: "h1" | "h2" | "p"; text: string } | { kind: "ul"; items: string[] };

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.trim().split("\n");
    if (!lines[0]) continue;
    if (lines[0].startsWith("# ")) blocks.push({ kind: "h1", text: lines[0].slice(2) });
    else if (lines[0].startsWith("## ")) blocks.push({ kind: "h2", text: lines[0].slice(3) });
    else if (lines.every((l) => l.startsWith("- "))) blocks.push({ kind: "ul", items: lines.map((l) => l.slice(2)) });
    else blocks.push({ kind: "p", text: lines.join(" ") });
  }
  return blocks;
}

/** **bold** as <strong>; everything else as written. */
function Inline({ text }: { text: string }) {
  return text.split(/(\*\*[^*]+\*\*)/).map((part, i) => (part.startsWith("**") && part.endsWith("**") ? <strong key={i}>{part.slice(2, -2)}</strong> : part));
}

export default async function PrivacyPage() {
  const markdown = await readFile(path.join(process.cwd(), "PRIVACY.md"), "utf8");
  return (
    <div className="max-w-3xl">
      {blocksOf(markdown).map((block, i) =>
        block.kind === "h1" ? (
          <h1 key={i} className="mb-6 text-4xl">
            <Inline text={block.text} />
          </h1>
        ) : block.kind === "h2" ? (
          <h2 key={i} className="mt-8 mb-4 text-2xl">
            <Inline text={block.text} />
          </h2>
        ) : block.kind === "ul" ? (
          <ul key={i} className="mb-4 list-disc pl-6">
            {block.items.map((item, j) => (
              <li key={j} className="mb-2">
                <Inline text={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i} className="mb-4">
            <Inline text={block.text} />
          </p>
        ),
      )}
    </div>
  );
}
