/**
 * Plain, screen-reader-friendly HTML for every email: one column, real headings, links with
 * meaningful text, no images, no tables for layout. The plain-text body says the same.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function emailHtml(params: { title: string; paragraphs: string[]; action?: { label: string; url: string }; footer?: string }) {
  const p = (t: string) => `<p style="font-size:19px;line-height:1.4;margin:0 0 20px">${escapeHtml(t)}</p>`;
  const button = params.action
    ? `<p style="font-size:19px;margin:0 0 20px"><a href="${escapeHtml(params.action.url)}" style="color:#1d70b8">${escapeHtml(params.action.label)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(params.title)}</title></head>
<body style="font-family:Arial,sans-serif;color:#0b0c0c;margin:0;padding:20px">
<main style="max-width:580px">
<p style="font-size:16px;font-weight:bold;margin:0 0 20px">Headway</p>
<h1 style="font-size:27px;line-height:1.2;margin:0 0 20px">${escapeHtml(params.title)}</h1>
${params.paragraphs.map(p).join("\n")}
${button}
${params.footer ? p(params.footer) : ""}
</main>
</body></html>`;
}

/** A block of an email with sections (the digest, reminders): paragraphs, second-level headings and lists. */
export type EmailBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string }
  | { type: "list"; items: { text: string; url?: string }[] };

/**
 * The same look as `emailHtml`, with headings and lists: a screen reader user can jump between the
 * sections and hear how many items each list has. List links carry the item's own words.
 */
export function emailHtmlWithSections(params: { title: string; blocks: EmailBlock[]; links?: { label: string; url: string }[]; footer?: string }) {
  const p = (t: string) => `<p style="font-size:19px;line-height:1.4;margin:0 0 20px">${escapeHtml(t)}</p>`;
  const link = (text: string, url: string) => `<a href="${escapeHtml(url)}" style="color:#1d70b8">${escapeHtml(text)}</a>`;
  const block = (b: EmailBlock) => {
    if (b.type === "paragraph") return p(b.text);
    if (b.type === "heading") return `<h2 style="font-size:22px;line-height:1.3;margin:30px 0 15px">${escapeHtml(b.text)}</h2>`;
    const items = b.items.map((i) => `<li style="margin:0 0 10px">${i.url ? link(i.text, i.url) : escapeHtml(i.text)}</li>`);
    return `<ul style="font-size:19px;line-height:1.4;margin:0 0 20px;padding-left:20px">\n${items.join("\n")}\n</ul>`;
  };
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(params.title)}</title></head>
<body style="font-family:Arial,sans-serif;color:#0b0c0c;margin:0;padding:20px">
<main style="max-width:580px">
<p style="font-size:16px;font-weight:bold;margin:0 0 20px">Headway</p>
<h1 style="font-size:27px;line-height:1.2;margin:0 0 20px">${escapeHtml(params.title)}</h1>
${params.blocks.map(block).join("\n")}
${(params.links ?? []).map((l) => `<p style="font-size:19px;margin:0 0 20px">${link(l.label, l.url)}</p>`).join("\n")}
${params.footer ? p(params.footer) : ""}
</main>
</body></html>`;
}
