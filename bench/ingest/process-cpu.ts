import { readFileSync } from "node:fs";
import pg from "pg";

/** Linux clock ticks per second (`getconf CLK_TCK`; 100 on every common kernel). */
const TICKS = 100;

/**
 * CPU seconds (user + system) a set of processes has used so far, from /proc. On a shared machine
 * this is the figure the neighbours disturb least: the wall-clock rate moves with their load, the
 * CPU a message costs much less. A process that has gone counts as 0.
 */
export function cpuSeconds(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      used.set(pid, 0);
    }
  }
  return used;
}

/** CPU seconds used between two snapshots (processes new in `after` count from 0). */
export function cpuUsedBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The PostgreSQL backends serving one database (the server's pool). */
export async function backendPids(adminUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}
