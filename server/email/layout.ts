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
