/**
 * The processes the benchmark starts (the build, the generator, the app), so that every one of
 * them is stopped when it ends: normally, on an error, on Ctrl+C or when its time is up. Each runs
 * in its own process group, and the whole group is killed, so nothing they started lingers.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const running = new Set<ChildProcess>();
const closers: Array<() => Promise<void>> = [];

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function startProcess(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

/** Runs a command to its end; rejects when it fails or takes longer than `limitMs`. */
export function runToEnd(command: string, args: string[], options: SpawnOptions & { limitMs: number }): Promise<void> {
  const { limitMs, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = startProcess(command, args, { stdio: "inherit", ...spawnOptions });
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} took longer than ${Math.round(limitMs / 1000)} s and was stopped.`));
    }, limitMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}).`));
    });
  });
}

/** Stops a process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Something else to close at the end (a database connection, the mail catcher). */
export function onCleanup(close: () => Promise<void>) {
  closers.push(close);
}

let cleaning: Promise<void> | undefined;

/** Stops everything still running and closes what was registered; safe to call more than once. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...running].map((c) => stopProcess(c)));
    for (const close of closers.reverse()) await close().catch(() => undefined);
  })();
  return cleaning;
}

// Last resort when the process exits without cleaning up (process.exit from elsewhere).
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
