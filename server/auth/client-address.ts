/**
 * The address a sign-in request comes from, for the per-address rate limits.
 *
 * Next puts the connection's address in X-Forwarded-For only when the request has none
 * (`??=`), and keeps whatever a client sent. So the trustworthy entry depends on what stands in
 * front of the app, which TRUST_PROXY says: the number of reverse proxies (load balancer,
 * ingress) that each append the address they saw. The client is then the TRUST_PROXY-th entry
 * from the right: everything further left was written by the client and could be anything.
 * With TRUST_PROXY=0 (nothing in front) the last entry is the connection's address, unless the
 * client sent its own header; such a client picks its own per-address bucket, but the
 * per-email limit still holds.
 *
 * IPv6 addresses count by their /64 network: one household or server is given a whole /64, so
 * counting single addresses would let it take 2^64 fresh buckets.
 */
import { isIPv4, isIPv6 } from "node:net";

export function clientAddress(headers: Record<string, unknown>, trustedProxies: number): string | null {
  const raw = headers["x-forwarded-for"];
  const hops = (typeof raw === "string" ? raw : "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const hop = trustedProxies > 0 ? (hops.at(-trustedProxies) ?? hops[0]) : hops.at(-1);
  return hop ? normaliseAddress(hop) : null;
}

export function normaliseAddress(address: string): string {
  // "[::1]:443" and "203.0.113.9:443" (some proxies add the port), "fe80::1%eth0" (a zone).
  const a = address
    .replace(/^\[|\](:\d+)?$/g, "")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(a)) return a;
  if (isIPv6(a)) return `${ipv6Groups(a).slice(0, 4).join(":")}::/64`;
  return a.slice(0, 100); // not an address (a misconfigured proxy): still one bucket per value
}

/** The eight groups of an IPv6 address, "::" expanded, leading zeros dropped. */
function ipv6Groups(a: string): string[] {
  const [head, tail] = a.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) is two groups.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - width(h) - width(t)).fill("0"), ...t];
  return groups.map((g) => (g.includes(".") ? g : parseInt(g, 16).toString(16)));
}
