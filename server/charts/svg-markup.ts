/**
 * Static SVG markup from a React element tree, for the charts drawn in lib/charts/.
 *
 * Why not react-dom/server's renderToStaticMarkup: the board pack is built inside Next's server
 * runtime (route handlers run under the "react-server" condition), where react-dom/server throws
 * ("not supported in React Server Components") and Next aliases renderToStaticMarkup to an error.
 * The charts are pure SVG drawn by function components without hooks, so walking the tree is
 * enough; components/charts/measure-chart.test.ts checks the output matches react-dom's byte for byte.
 *
 * Deliberately small: it refuses what the charts never use (style objects, hooks-bearing or class
 * components, HTML-only props) rather than half-supporting it.
 */
import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

// SVG attributes React writes in camelCase; every other camelCase prop becomes kebab-case.
const CAMEL_ATTRIBUTES = new Set(["viewBox", "preserveAspectRatio", "gradientUnits", "gradientTransform", "patternUnits", "clipPathUnits", "markerWidth", "markerHeight", "refX", "refY", "textLength", "lengthAdjust"]);
const SKIPPED_PROPS = new Set(["children", "key", "ref", "innerRef", "dangerouslySetInnerHTML"]);

// As React escapes, in text and attributes alike.
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function attributeName(prop: string): string {
  if (prop === "className") return "class";
  if (CAMEL_ATTRIBUTES.has(prop) || prop.startsWith("aria-") || prop.startsWith("data-")) return prop;
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [prop, value] of Object.entries(props)) {
    if (SKIPPED_PROPS.has(prop) || value === undefined || value === null || value === false) continue;
    if (typeof value === "function") continue;
    if (typeof value === "object") throw new Error(`svgMarkup: the prop "${prop}" is an object; charts use plain attribute values`);
    out += ` ${attributeName(prop)}="${escape(value === true ? "" : String(value))}"`;
  }
  return out;
}

export function svgMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escape(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map(svgMarkup).join("");
  if (!isValidElement(node)) throw new Error("svgMarkup: only elements, text and arrays can be drawn");
  const element = node as ReactElement<Record<string, unknown>>;
  const { type, props } = element;
  if (type === Fragment) return svgMarkup(props.children as ReactNode);
  if (typeof type === "function") {
    if ((type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent) throw new Error("svgMarkup: class components are not supported");
    return svgMarkup((type as (p: Record<string, unknown>) => ReactNode)(props));
  }
  if (typeof type !== "string") throw new Error("svgMarkup: unsupported element type");
  // React writes text children next to each other without separators, and so does this.
  return `<${type}${attributes(props)}>${svgMarkup(props.children as ReactNode)}</${type}>`;
}
