import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const probe = fileURLToPath(new URL("./memory-probe.ts", import.meta.url));

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  url: string;
  ocppUrl: string;
  /** RSS and heap of the server process after a full GC. */
  memory: () => Promise<NodeJS.MemoryUsage>;
  /** CPU time the server process has used so far (µs, user and system). */
  cpu: () => Promise<NodeJS.CpuUsage>;
  /** Starts the CPU profiler; `stopCpuProfile` writes what it sampled to `path` (a `.cpuprofile`). */
  startCpuProfile: () => Promise<string>;
  stopCpuProfile: (path: string) => Promise<string>;
  /** Writes a V8 heap snapshot of the server process (after a full GC) to `path`. */
  heapSnapshot: (path: string) => Promise<string>;
  /** SIGTERM (graceful shutdown) and wait for the exit. */
  stop: () => Promise<number | null>;
  /** SIGKILL: no shutdown at all (crash test). */
  kill: () => Promise<void>;
  output: () => string;
};

/**
 * The real server (`apps/server/src/main.ts`) as a child process, exactly as `npm start` runs it,
 * plus the memory probe. Resolves once /readyz answers 200.
 */
export async function startServerProcess(options: {
  port: number;
  env: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ServerProcess> {
  const child = fork(`${repo}/apps/server/src/main.ts`, [], {
    cwd: repo,
    execArgv: ["--import", "tsx", "--import", probe, "--expose-gc"],
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(options.port),
      LOG_LEVEL: "warn",
      ADMIN_EMAIL: "bench@voltlane.test",
      ADMIN_PASSWORD: "bench-password-1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  child.stderr?.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitReady(url, exited, options.readyTimeoutMs ?? 120_000, () => output);
  } catch (error) {
    // Never leave a half-started server behind.
    child.kill("SIGKILL");
    await exited;
    throw error;
  }
  return {
    child,
    pid: child.pid!,
    url,
    ocppUrl: `ws://127.0.0.1:${options.port}/ocpp`,
    memory: () => ask(child, "memory", (m) => (m as { memory?: NodeJS.MemoryUsage }).memory),
    cpu: () => ask(child, "cpu", (m) => (m as { cpu?: NodeJS.CpuUsage }).cpu),
    startCpuProfile: () =>
      ask(child, { cpuProfile: "start" }, (m) => (m as { cpuProfile?: string }).cpuProfile),
    stopCpuProfile: (path) =>
      ask(child, { cpuProfile: path }, (m) => (m as { cpuProfile?: string }).cpuProfile),
    heapSnapshot: (path) =>
      ask(child, { heapSnapshot: path }, (m) => (m as { heapSnapshot?: string }).heapSnapshot),
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    output: () => output,
  };
}

/** One IPC question to the memory probe; resolves with the first answer `pick` recognises. */
function ask<T>(child: ChildProcess, question: unknown, pick: (m: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      const answer = pick(m);
      if (answer === undefined) return;
      child.off("message", onMessage);
      resolve(answer);
    };
    child.on("message", onMessage);
    child.send(question as never);
  });
}

async function waitReady(url: string, exited: Promise<unknown>, timeoutMs: number, output: () => string) {
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (dead) throw new Error(`server exited during start-up:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
