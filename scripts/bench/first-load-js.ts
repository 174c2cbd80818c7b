/**
 * First-load JavaScript per route, gzipped, from the production build. Next 16 no longer prints
 * it, so it is worked out the way the browser gets it: the runtime every App Router page loads
 * (build-manifest.json's rootMainFiles) plus the entry chunks of the route's layouts, boundaries
 * and page (entryJSFiles in the route's page_client-reference-manifest.js). The nomodule polyfill
 * is left out: modern browsers skip it. The benchmark checks this against the <script> tags the
 * running app actually sends for the pages it measures (scriptsInHtml).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export type RouteJs = { route: string; files: string[]; gzipBytes: number };

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/** "/(app)/local-areas/[slug]/page" → "/local-areas/[slug]": route groups are not in the address. */
export function routeOf(entry: string): string {
  const parts = entry.replace(/\/page$/, "").split("/").filter((p) => p && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

function manifestsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === "page_client-reference-manifest.js")
    .map((e) => path.join(e.parentPath, e.name));
}

export function firstLoadJs(nextDir: string): RouteJs[] {
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(nextDir, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };

  const routes: RouteJs[] = [];
  for (const file of manifestsUnder(path.join(nextDir, "server", "app"))) {
    // The manifest is a script that fills globalThis.__RSC_MANIFEST; run it on its own global.
    const sandbox = vm.createContext({});
    vm.runInContext(readFileSync(file, "utf8"), sandbox, { filename: file, timeout: 1_000 });
    const manifests = (sandbox as { __RSC_MANIFEST?: Record<string, ClientManifest> }).__RSC_MANIFEST ?? {};
    for (const [entry, manifest] of Object.entries(manifests)) {
      if (entry.startsWith("/_")) continue; // Next's own not-found and global-error pages
      const files = [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()])].sort();
      routes.push({ route: routeOf(entry), files, gzipBytes: files.reduce((sum, f) => sum + sizeOf(f), 0) });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The JavaScript files a page makes the browser load before it is interactive, as build paths:
 * the <script> tags and the chunks its RSC payload names for the client components on the page
 * (the browser loads those while hydrating), but not the nomodule polyfill.
 */
export function scriptsInHtml(html: string): string[] {
  const nomodule = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = tag.match(/\bsrc="\/_next\/([^"?]+)/)?.[1];
    if (src && /\bnomodule\b/i.test(tag)) nomodule.add(src);
  }
  const files = new Set(html.match(/static\/chunks\/[\w.-]+\.js/g) ?? []);
  return [...files].filter((f) => !nomodule.has(f)).sort();
}
