/**
 * Runs in the browser before the app's own code (Next's instrumentation-client convention).
 *
 * The pages' Content-Security-Policy allows no eval (server/security-headers.js). zod 4 probes
 * for it with `new Function("")` when a schema is first built, to compile faster parsers, and
 * the browser reports every refused probe as a policy violation. Jitless mode skips the probe and
 * parses the same; forms here are small. It must be set before any schema exists, hence here.
 */
// From zod's core only: `import { z } from "zod"` here would put all of zod (~31 kB gzipped) into
// every page's first load, forms or not (issue 7). It is the same configuration zod's forms read.
import { config } from "zod/v4/core";

config({ jitless: true });
