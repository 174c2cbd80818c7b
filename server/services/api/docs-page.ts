/**
 * The API's reference for people (/api/docs): one HTML page made on the server from the OpenAPI
 * document (openapi.ts), so it says what the document says: each operation with its scope,
 * parameters, body, answers and examples, each schema field by field, and each problem type
 * (the `type` of an error links to its heading here). No scripts and nothing from elsewhere: its
 * styles are inline, the only thing its Content-Security-Policy allows (API_DOCS_CSP, which
 * next.config.js sets on the response too, since a rule there wins over a route's). GOV.UK's colours and
 * focus style, headings in order, tables with captions, wide tables and code scrollable by
 * keyboard, and nothing wider than a 320 px screen.
 */
import { openApiDocument } from "@/server/services/api/openapi";
import { PROBLEMS, type ProblemType } from "@/server/services/api/problem";
import { API_DOCS_CSP } from "@/server/security-headers.js";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
};

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The few marks the descriptions use: **bold** and `code` in a line, and paragraphs. */
const inline = (text: string) => escape(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/`([^`]+)`/g, "<code>$1</code>");
function prose(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${inline(p.trim())}</p>`)
    .join("\n");
}

const refName = (ref: string) => ref.split("/").at(-1)!;
const schemaLink = (name: string) => `<a href="#schema-${escape(name)}">${escape(name)}</a>`;

/** A schema's type in words, linking named schemas: "array of Action", "string (date) or null". */
function typeOf(s: Schema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return schemaLink(refName(s.$ref));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(" or ");
  if (s.const !== undefined) return `<code>${escape(JSON.stringify(s.const))}</code>`;
  if (s.enum) return `one of ${s.enum.map((v) => `<code>${escape(String(v))}</code>`).join(", ")}`;
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? "any"]).map((t) => {
    if (t === "array") return `array of ${typeOf(s.items)}`;
    return s.format && t === "string" ? `string (${escape(s.format)})` : escape(t);
  });
  return types.join(" or ");
}

/** Bounds worth saying beside the description. */
function bounds(s: Schema): string {
  const said: string[] = [];
  if (s.maxLength !== undefined) said.push(`at most ${s.maxLength} characters`);
  if (s.maxItems !== undefined) said.push(`at most ${s.maxItems} items`);
  return said.length ? ` <span class="note">(${said.join("; ")})</span>` : "";
}

type FieldRow = { name: string; type: string; required: boolean; description: string };

/** An object's fields, nested objects' fields under dotted names ("target.value", "values[].outcome"). */
function fieldRows(s: Schema, prefix = ""): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const full = `${prefix}${name}`;
    const inner = field.anyOf?.find((a) => a.type !== "null") ?? field;
    rows.push({ name: full, type: typeOf(field), required: (s.required ?? []).includes(name), description: `${inline(field.description ?? inner.description ?? "")}${bounds(inner)}` });
    if (inner.properties && !inner.$ref) rows.push(...fieldRows(inner, `${full}.`));
    if (inner.type === "array" && inner.items?.properties && !inner.items.$ref) rows.push(...fieldRows(inner.items, `${full}[].`));
  }
  return rows;
}

function table(caption: string, columns: string[], rows: string[][]): string {
  return `<div class="scroll" role="region" aria-label="${escape(caption)}" tabindex="0"><table>
<caption>${escape(caption)}</caption>
<thead><tr>${columns.map((c) => `<th scope="col">${escape(c)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`).join("\n")}</tbody>
</table></div>`;
}

const codeBlock = (label: string, text: string) =>
  `<div class="scroll" role="region" aria-label="${escape(label)}" tabindex="0"><pre><code>${escape(text)}</code></pre></div>`;

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema; example?: unknown }> }>;
};

function curlFor(method: string, path: string, origin: string): string {
  const url = `${origin}${path.replace("{slug}", "northbridge").replace("{measure}", "M1")}`;
  if (path.endsWith("openapi.json")) return `curl ${url}`;
  if (method === "post") {
    return `curl -X POST "${url}?dryRun=true" \\
  -H "Authorization: Bearer $HEADWAY_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"values": [{"measure": "M1", "periodEnd": "2026-10-31", "value": 47.5}]}'`;
  }
  return `curl -H "Authorization: Bearer $HEADWAY_TOKEN" ${url}`;
}

function operationSection(method: string, path: string, op: Operation, schemas: Record<string, Schema>, origin: string): string {
  const id = `op-${op.operationId}`;
  const scopes = (op.security ?? []).flatMap((r) => Object.values(r).flat());
  const parts: string[] = [
    `<section aria-labelledby="${id}">`,
    `<h3 id="${id}"><span class="method">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>`,
    op.summary ? `<p class="lead">${escape(op.summary)}</p>` : "",
    prose(op.description ?? ""),
    // An operation's description says the scope it needs; one that needs none says so here.
    scopes.length ? "" : "<p>No token needed.</p>",
  ];
  if (op.parameters?.length) {
    parts.push(
      `<h4>Parameters</h4>`,
      table(
        `Parameters of ${method.toUpperCase()} ${path}`,
        ["Name", "In", "Type", "Required", "Description"],
        op.parameters.map((p) => [`<code>${escape(p.name)}</code>`, escape(p.in), typeOf(p.schema), p.required ? "Yes" : "No", escape(p.description ?? "")]),
      ),
    );
  }
  const body = op.requestBody?.content["application/json"];
  if (body) {
    const name = body.schema?.$ref ? refName(body.schema.$ref) : null;
    const example = body.example ?? (name ? schemas[name]?.examples?.[0] : undefined);
    parts.push(`<h4>Request body</h4>`, `<p><code>application/json</code>: ${typeOf(body.schema)}.</p>`);
    if (example !== undefined) parts.push(codeBlock(`Example request body of ${op.operationId}`, JSON.stringify(example, null, 2)));
  }
  const rows = Object.entries(op.responses).map(([status, r]) => {
    const content = Object.entries(r.content ?? {})[0];
    return [escape(status), inline(r.description), content ? `<code>${escape(content[0])}</code>: ${typeOf(content[1].schema)}` : "None"];
  });
  parts.push(`<h4>Answers</h4>`, table(`Answers of ${method.toUpperCase()} ${path}`, ["Status", "When", "Body"], rows));
  const ok = Object.values(op.responses["200"]?.content ?? {})[0];
  const okName = ok?.schema?.$ref ? refName(ok.schema.$ref) : null;
  const okExample = ok?.example ?? (okName ? schemas[okName]?.examples?.[0] : undefined);
  if (okExample !== undefined) parts.push(`<h4>Example answer</h4>`, codeBlock(`Example answer of ${op.operationId}`, JSON.stringify(okExample, null, 2)));
  parts.push(`<h4>Example request</h4>`, codeBlock(`Example request of ${op.operationId} with curl`, curlFor(method, path, origin)), `</section>`);
  return parts.filter(Boolean).join("\n");
}

function schemaSection(name: string, s: Schema): string {
  const id = `schema-${name}`;
  const rows = fieldRows(s);
  const parts = [`<section aria-labelledby="${escape(id)}">`, `<h3 id="${escape(id)}">${escape(name)}</h3>`, prose(s.description ?? "")];
  parts.push(
    rows.length
      ? table(`Fields of ${name}`, ["Field", "Type", "Required", "Description"], rows.map((r) => [`<code>${escape(r.name)}</code>`, r.type, r.required ? "Yes" : "No", r.description]))
      : `<p>${typeOf(s)}.</p>`,
  );
  if (s.examples?.[0] !== undefined) parts.push(codeBlock(`Example of ${name}`, JSON.stringify(s.examples[0], null, 2)));
  parts.push(`</section>`);
  return parts.join("\n");
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.15em}a:visited{color:#4c2c92}a:hover{color:#003078}
a:focus{outline:3px solid transparent;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;color:#0b0c0c;text-decoration:none}
.scroll:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.skip{position:absolute;left:-9999px;top:0;padding:8px 12px;background:#fd0;color:#0b0c0c}.skip:focus{left:8px}
header{background:#0b0c0c;padding:12px 16px}header a{color:#fff;font-weight:700;text-decoration:none}header a:visited{color:#fff}
header a:focus{color:#0b0c0c}
main{max-width:1020px;margin:0 auto;padding:24px 16px 64px}
h1{font-size:2.25rem;line-height:1.15;margin:0 0 24px}h2{font-size:1.75rem;margin:48px 0 16px;border-top:1px solid #b1b4b6;padding-top:24px}
h3{font-size:1.375rem;margin:40px 0 12px;overflow-wrap:anywhere}h4{font-size:1.1875rem;margin:24px 0 8px}
.lead{font-size:1.25rem}.note{color:#505a5f}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em;background:#f3f2f1;padding:0 .2em;overflow-wrap:anywhere}
pre{background:#f3f2f1;border-left:4px solid #b1b4b6;padding:12px;margin:0;font-size:1rem;width:max-content;min-width:100%}pre code{background:none;padding:0;overflow-wrap:normal}
.method{display:inline-block;background:#0b0c0c;color:#fff;padding:0 .4em;margin-right:.3em;font-size:1rem;vertical-align:middle}
.scroll{overflow-x:auto;max-width:100%;margin:0 0 16px}
table{border-collapse:collapse;width:100%;font-size:1rem}caption{text-align:left;font-weight:700;padding:4px 0}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:8px 12px 8px 0;overflow-wrap:break-word}
th code,td code{overflow-wrap:normal}
thead th{border-bottom:2px solid #0b0c0c;overflow-wrap:normal;white-space:nowrap}
nav ul{padding-left:20px}nav li{overflow-wrap:anywhere}
`;

/** The whole page, for a request at `origin` (its examples use it). */
export function docsPage(origin: string): string {
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const schemas = doc.components.schemas;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
  const problems = Object.entries(PROBLEMS) as [ProblemType, (typeof PROBLEMS)[ProblemType]][];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference – Headway</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><a href="/">Headway</a></header>
<main id="main" tabindex="-1">
<h1>${escape(doc.info.title)} reference</h1>
<p>Version ${escape(doc.info.version)}. The same as an OpenAPI 3.1 document, for tools: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
<nav aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ul>
<li><a href="#about">Tokens, errors and limits</a></li>
<li><a href="#operations">Operations</a><ul>${operations.map(({ path, method, op }) => `<li><a href="#op-${op.operationId}">${method.toUpperCase()} ${escape(path)}</a></li>`).join("")}</ul></li>
<li><a href="#schemas">Schemas</a></li>
<li><a href="#problems">Problem types</a></li>
</ul>
</nav>
<h2 id="about">Tokens, errors and limits</h2>
${prose(doc.info.description)}
<h2 id="operations">Operations</h2>
${operations.map(({ path, method, op }) => operationSection(method, path, op, schemas, origin)).join("\n")}
<h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
  .map(([name, s]) => schemaSection(name, s))
  .join("\n")}
<h2 id="problems">Problem types</h2>
<p>Every error is a problem (RFC 9457) whose <code>type</code> is one of these, at <code>/api/docs#problem-&lt;name&gt;</code>.</p>
${problems.map(([type, p]) => `<section aria-labelledby="problem-${type}"><h3 id="problem-${type}">${escape(type)} (${p.status})</h3><p class="lead">${escape(p.title)}</p><p>${inline(p.about)}</p></section>`).join("\n")}
</main>
</body>
</html>
`;
}

/** GET /api/docs: the reference page. Open to everyone: it describes the API, it holds no data. */
export async function docsRoute(request: Request): Promise<Response> {
  return new Response(docsPage(new URL(request.url).origin), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": API_DOCS_CSP,
      "Referrer-Policy": "no-referrer",
    },
  });
}

/** GET /api/v1/openapi.json: the document, for tools. */
export async function openApiRoute(): Promise<Response> {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" },
  });
}
