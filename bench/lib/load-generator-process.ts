import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LoadCommand } from "./load-generator";

const script = fileURLToPath(new URL("./load-generator.ts", import.meta.url));

/** The load generator in its own process; `send` resolves with its answer to one command. */
export function startLoadGenerator(options: { maxOldSpaceMb?: number } = {}) {
  const child = fork(script, [], {
    execArgv: ["--import", "tsx", `--max-old-space-size=${options.maxOldSpaceMb ?? 2048}`],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let closing: Promise<void> | undefined;
  return {
    pid: child.pid!,
    send<T>(command: LoadCommand): Promise<T> {
      return new Promise((resolve, reject) => {
        const onExit = () => reject(new Error("load generator exited"));
        child.once("exit", onExit);
        child.once("message", (m: unknown) => {
          child.off("exit", onExit);
          const error = (m as { error?: string }).error;
          if (error) reject(new Error(error));
          else resolve(m as T);
        });
        child.send(command);
      });
    },
    async close() {
      closing ??= (async () => {
        if (child.connected) await this.send({ cmd: "close" }).catch(() => {});
        await exited;
      })();
      return closing;
    },
  };
}
