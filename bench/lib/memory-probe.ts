import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { writeHeapSnapshot } from "node:v8";

let profiler: Session | undefined;

/**
 * Preloaded into a server process by the benchmarks (`--import`): answers the IPC message "memory"
 * with the process's memory after a full garbage collection (needs `--expose-gc`), "cpu" with the
 * CPU time it has used (user + system µs: a figure the neighbours on a shared machine do not move), and
 * `{heapSnapshot: path}` by writing a V8 heap snapshot there (to see what each connection costs),
 * `{cpuProfile: "start"}` / `{cpuProfile: path}` by sampling the CPU in between into a `.cpuprofile`.
 */
process.on("message", (message: unknown) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (message === "memory") {
    gc?.();
    process.send?.({ memory: process.memoryUsage() });
    return;
  }
  if (message === "cpu") {
    process.send?.({ cpu: process.cpuUsage() });
    return;
  }
  const profile = (message as { cpuProfile?: "start" | string } | null)?.cpuProfile;
  if (profile === "start") {
    profiler = new Session();
    profiler.connect();
    profiler.post("Profiler.enable", () =>
      profiler!.post("Profiler.start", () => process.send?.({ cpuProfile: "started" })),
    );
    return;
  }
  if (typeof profile === "string" && profiler) {
    profiler.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(profile, JSON.stringify(result.profile));
      profiler?.disconnect();
      profiler = undefined;
      process.send?.({ cpuProfile: error ? `failed: ${error.message}` : profile });
    });
    return;
  }
  const path = (message as { heapSnapshot?: string } | null)?.heapSnapshot;
  if (typeof path === "string") {
    gc?.();
    process.send?.({ heapSnapshot: writeHeapSnapshot(path) });
  }
});
