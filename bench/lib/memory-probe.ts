/**
 * Preloaded into a server process by the benchmarks (`--import`): answers the IPC message "memory"
 * with the process's memory after a full garbage collection (needs `--expose-gc`).
 */
process.on("message", (message) => {
  if (message !== "memory") return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
