import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { API_DOCS_CSP, AUTH_ROUTE_CSP, EVERY_RESPONSE, NON_PAGE_CSP, staticFileRules, TOKEN_PAGE_REFERRER_POLICY } from "./server/security-headers.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Server-only packages that must not be bundled (native/WASM or dynamic requires).
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "nodemailer",
    "@resvg/resvg-js",
    // The board pack's PDF: it reads its font metrics from its own folder at run time.
    "pdfkit",
    "pg-boss",
  ],
  poweredByHeader: false,
  // Security headers for every response; pages get their nonce CSP from proxy.ts. Where two
  // rules set one header, the later wins. See server/security-headers.js.
  async headers() {
    return [
      { source: "/:path*", headers: EVERY_RESPONSE },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
      { source: "/api/auth/:path*", headers: [{ key: "Content-Security-Policy", value: AUTH_ROUTE_CSP }] },
      { source: "/api/docs", headers: [{ key: "Content-Security-Policy", value: API_DOCS_CSP }] },
      { source: "/update/:path*", headers: [{ key: "Referrer-Policy", value: TOKEN_PAGE_REFERRER_POLICY }] },
      ...staticFileRules(process.env),
    ];
  },
  // forbidden() renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
};

/** @param {string} phase */
export default async function config(phase) {
  // Next sets NEXT_PHASE for the build only after loading this file; env.js needs it now to
  // tell build time (secrets not yet required) from start.
  if (phase === PHASE_PRODUCTION_BUILD) process.env.NEXT_PHASE = phase;
  // Validate the environment once, at build and at start: a missing or bad variable stops here
  // with a message naming it.
  await import("./server/env.js");
  return nextConfig;
}
