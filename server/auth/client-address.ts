/**
 * The address a sign-in request comes from, for the per-address rate limits.
 *
 * A Next route handler is given headers, not the socket, and Next copies the connection's address
 * into X-Forwarded-For only when the request has none (`??=`), keeping whatever a client sent. So
 * with nothing in front of the app (TRUST_PROXY=0) the header may be the client's own invention,
 * and the socket's address cannot be told apart from it: the address is then the fixed
 * UNKNOWN_CLIENT, which the per-address limits do not count (sign-in-limits.ts) and the per-email
 * limits do not need.
 *
 * With TRUST_PROXY=n, n reverse proxies (load balancer, ingress) each append the address they saw,
 * so the client is the n-th entry from the right: everything further left was written by the
 * client and could be anything. A header with fewer entries than that did not come through the
 * proxies as configured, so it is not believed either.
 *
 * IPv6 addresses count by their /64 network: one household or server is given a whole /64, so
 * counting single addresses would let it take 2^64 fresh buckets.
 */
import { isIPv4, isIPv6 } from "node:net";

/** Every client whose address is not known, as one value: never a per-address bucket. */
export const UNKNOWN_CLIENT = "unknown";

export function clientAddress(headers: Record<string, unknown>, trustedProxies: number): string {
  if (trustedProxies <= 0) return UNKNOWN_CLIENT;
  const raw = headers["x-forwarded-for"];
  const hops = (typeof raw === "string" ? raw : "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const hop = hops.length >= trustedProxies ? hops.at(-trustedProxies) : undefined;
  return hop ? normaliseAddress(hop) : UNKNOWN_CLIENT;
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
