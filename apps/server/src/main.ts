import { ConfigError, loadConfig } from "./config";
import { serverExtensions } from "./extensions";
import { startServer } from "./start-server";

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config, { extensions: serverExtensions });
  server.app.log.info(`Voltlane is listening on ${server.url} (${server.database.kind})`);
  // Graceful shutdown: stop taking work, finish requests and writes in flight, close the database.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    await server.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  process.stderr.write(`Voltlane failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
