/**
 * Many people at once: `connections` virtual users, each a keep-alive connection sending one
 * request after another for `duration` seconds (autocannon), going round the five pages and posting
 * a check-in every `updateEvery`-th request. Every answer is checked as in the one-at-a-time
 * timings; a wrong page counts as an error, as do non-2xx answers, connection errors and timeouts.
 */
import autocannon, { type AutocannonClient, type AutocannonRequest, type AutocannonResult } from "autocannon";
import type { Endpoint } from "./endpoints";
import { summarise, type Summary } from "./stats";

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  errors: { total: number; non2xx: number; wrongAnswer: number; connection: number; timeouts: number };
  statusCodes: Record<string, number>;
  latency: Summary;
  byEndpoint: Array<{ key: Endpoint["key"]; label: string; requests: number; errors: number; latency: Summary | null }>;
  /** A few of the wrong answers, to say what went wrong. */
  problems: string[];
};

/** The order each virtual user goes round: the pages in turn, with one update in every `updateEvery`. */
export function mix(pages: readonly Endpoint[], update: Endpoint, updateEvery: number): Endpoint[] {
  const cycle: Endpoint[] = [];
  for (let i = 0; i < updateEvery - 1; i += 1) cycle.push(pages[i % pages.length]!);
  cycle.push(update);
  return cycle;
}

export async function runLoad(
  baseUrl: string,
  all: Endpoint[],
  opts: { connections: number; duration: number; updateEvery: number },
): Promise<LoadResult> {
  const pages = all.filter((e) => e.kind === "page");
  const update = all.find((e) => e.kind === "mutation")!;
  const cycle = mix(pages, update, opts.updateEvery);
  const stats = new Map(all.map((e) => [e.key, { requests: 0, errors: 0, latencies: [] as number[] }]));
  const problems: string[] = [];
  let wrongAnswer = 0;
  // Counted here rather than from autocannon's non2xx, which misses an answer without a status
  // (a reply arriving on a connection it had already given up on).
  let badStatus = 0;
  const latencies: number[] = [];
  // onResponse runs just before autocannon's "response" event for the same answer, synchronously:
  // it names the endpoint the time that follows belongs to.
  let answered: Endpoint["key"] | null = null;

  const requests: AutocannonRequest[] = cycle.map((e) => ({
    // Each request is made afresh, so the update goes round the actions.
    setupRequest: (request) => {
      const next = e.next();
      return { ...request, method: next.method, path: next.path, headers: next.headers, body: next.body };
    },
    onResponse: (status, body) => {
      answered = e.key;
      const s = stats.get(e.key)!;
      s.requests += 1;
      if (!(status >= 200 && status < 300)) badStatus += 1;
      try {
        e.check(status, body);
      } catch (error) {
        s.errors += 1;
        if (status >= 200 && status < 300) wrongAnswer += 1;
        if (problems.length < 5) problems.push((error as Error).message.slice(0, 300));
      }
    },
  }));

  let users = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: opts.connections,
        duration: opts.duration,
        timeout: 10,
        requests,
        // Users start at different places in the round, so the pages are mixed from the first second.
        setupClient: (client: AutocannonClient) => {
          const start = (users++ * 3) % requests.length;
          client.setRequests([...requests.slice(start), ...requests.slice(0, start)]);
        },
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      if (answered) stats.get(answered)!.latencies.push(ms);
      answered = null;
    });
    // autocannon stops itself after `duration`; this is the backstop if it does not.
    const backstop = setTimeout(() => instance.stop(), (opts.duration + 30) * 1000);
    instance.on("done", () => clearTimeout(backstop));
  });

  const total = latencies.length;
  return {
    connections: opts.connections,
    seconds: result.duration,
    requests: total,
    perSecond: Math.round((total / result.duration) * 10) / 10,
    errors: {
      total: badStatus + wrongAnswer + result.errors,
      non2xx: badStatus,
      wrongAnswer,
      // autocannon counts timeouts among its connection errors
      connection: result.errors - result.timeouts,
      timeouts: result.timeouts,
    },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    latency: total ? summarise(latencies) : summarise([0]),
    byEndpoint: all.map((e) => {
      const s = stats.get(e.key)!;
      return { key: e.key, label: e.label, requests: s.requests, errors: s.errors, latency: s.latencies.length ? summarise(s.latencies) : null };
    }),
    problems,
  };
}
