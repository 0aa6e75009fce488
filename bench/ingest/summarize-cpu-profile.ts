import { readFileSync } from "node:fs";
import { args } from "../lib/stats";

/**
 * `tsx bench/ingest/summarize-cpu-profile.ts FILE.cpuprofile [--top 25] [--callers NAME]`: the functions
 * with the most self time and total (inclusive) time, and self time per package, from a V8 CPU profile.
 * `--callers writev` shows where the time of a function comes from: the nearest calling frame of a
 * library and of Voltlane (`apps/`, `packages/`) on each of its samples.
 */
type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error("usage: summarize-cpu-profile.ts FILE.cpuprofile [--top N]");
const top = args().number("top", 25);
const callersOf = args().string("callers", "");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Microseconds of samples that landed in each node.
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) => {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const repo = url.indexOf("/work/main/");
  return repo >= 0 ? url.slice(repo + "/work/main/".length) : url.replace(/^node:/, "node:");
};
const label = (n: Node) =>
  `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const packageOf = (n: Node) => {
  const { url, functionName } = n.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node core";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const repo = url.indexOf("/work/main/");
  return repo >= 0
    ? url
        .slice(repo + "/work/main/".length)
        .split("/")
        .slice(0, 3)
        .join("/")
    : url;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const perPackage = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  perPackage.set(packageOf(node), (perPackage.get(packageOf(node)) ?? 0) + us);
  // Inclusive time: every distinct function on the stack gets the sample once (recursion counted once).
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const l = label(byId.get(n)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
}

const print = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(
      `${((us / totalUs) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
  }
};
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${profile.samples.length} samples`);
print("Self time by package", perPackage, top);
print("Self time by function", self, top);
print("Total (inclusive) time by function", total, top);

if (callersOf) {
  const library = new Map<string, number>();
  const voltlane = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if (!label(byId.get(id)!).startsWith(callersOf)) continue;
    let lib: string | undefined;
    let own: string | undefined;
    for (let n = parent.get(id); n !== undefined && !own; n = parent.get(n)) {
      const node = byId.get(n)!;
      const url = node.callFrame.url;
      if (!lib && url.includes("node_modules/")) lib = label(node);
      if (/\/work\/main\/(apps|packages)\//.test(url)) own = label(node);
    }
    library.set(lib ?? "(none)", (library.get(lib ?? "(none)") ?? 0) + us);
    voltlane.set(own ?? "(none)", (voltlane.get(own ?? "(none)") ?? 0) + us);
  }
  print(`Nearest library frame calling ${callersOf}`, library, top);
  print(`Nearest Voltlane frame calling ${callersOf}`, voltlane, top);
}
