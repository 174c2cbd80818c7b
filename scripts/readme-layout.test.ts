/**
 * The README's "How the code is laid out" is the map a newcomer reads first: every folder it names
 * exists, and every folder of the layers it describes (app/, components/, lib/, server/,
 * server/services/, prisma/, e2e/, scripts/) is named in it, so a moved or new folder fails here
 * until the map says where it went.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** The code block under the heading, as [path, description] from its indented lines. */
function layout(): string[] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split("## How the code is laid out")[1];
  expect(section, 'README.md has a "How the code is laid out" section').toBeDefined();
  const block = section!.split("```")[1]!;
  const paths: string[] = [];
  const parents: string[] = [];
  for (const line of block.split("\n")) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match || line.trim() === "") continue;
    const [, indent, name] = match;
    // A continuation of the description column, not a path.
    if (indent!.length >= 20) continue;
    const depth = indent!.length / 2;
    parents.length = depth;
    const full = [...parents, name!].join("");
    paths.push(full);
    if (name!.endsWith("/")) parents.push(name!);
  }
  return paths;
}

const folders = (dir: string) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith(".") && d.name !== "generated" && d.name !== "node_modules")
    .map((d) => `${dir}/${d.name}/`);

describe("README's map of the code", () => {
  const named = layout();

  it("names only paths that exist", () => {
    const missing = named.filter((p) => !existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it("names every folder of server/ and server/services/", () => {
    const unnamed = [...folders("server"), ...folders("server/services")].filter((f) => !named.includes(f));
    expect(unnamed).toEqual([]);
  });

  it("names every top-level folder of the code", () => {
    const top = ["app/", "components/", "lib/", "server/", "prisma/", "e2e/", "scripts/"];
    expect(top.filter((f) => !named.includes(f))).toEqual([]);
  });
});
