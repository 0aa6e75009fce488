import { cpus, freemem, loadavg, totalmem } from "node:os";

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/** The load average now, rounded: the machine is shared, so every figure is quoted with it. */
export const currentLoad = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** The machine a benchmark ran on, printed with every result (issue #8). */
export function describeMachine(database: string): string {
  const cpu = cpus();
  return [
    `date:     ${new Date().toISOString()}`,
    `cpu:      ${cpu[0]?.model ?? "unknown"} × ${cpu.length} cores`,
    `memory:   ${gib(totalmem())} total, ${gib(freemem())} free`,
    `node:     ${process.version} (${process.platform} ${process.arch})`,
    `database: ${database}`,
    `load:     ${currentLoad()} (1, 5, 15 min)`,
  ].join("\n");
}
