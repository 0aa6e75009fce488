// Preloaded into the server by `npm run bench:ingest -- --cpu-prof-dir DIR` (NODE_OPTIONS=--require):
// Node 20 refuses --cpu-prof in NODE_OPTIONS, so the V8 profiler is driven through node:inspector. It
// starts on the IPC message "cpu-profile:start" (the bench sends it after the warm-up, so start-up
// and module loading stay out) and is written when the process exits (after a graceful SIGTERM).
// It also counts the queries node-postgres sends from then on (pg_stat_statements is not enabled
// here), by their first words, into queries-PID.json beside the profile.
const { Session } = require("node:inspector");
const { writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  let started = false;
  process.on("message", (message) => {
    if (message !== "cpu-profile:start" || started) return;
    started = true;
    for (const kind of Object.keys(queries)) delete queries[kind];
    session.post("Profiler.start");
  });

  const queries = {};
  try {
    const pg = require(require.resolve("pg", { paths: [process.cwd()] }));
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (config, ...rest) {
      const text = typeof config === "string" ? config : (config?.text ?? "");
      const kind = text.trim().split(/\s+/).slice(0, 3).join(" ").toLowerCase();
      queries[kind] = (queries[kind] ?? 0) + 1;
      return query.call(this, config, ...rest);
    };
  } catch {}

  process.on("exit", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `queries-${process.pid}.json`), JSON.stringify(queries, null, 2));
    if (!started) return;
    // A session on the main thread answers synchronously, so this completes before the exit.
    session.post("Profiler.stop", (error, result) => {
      if (!error)
        writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
