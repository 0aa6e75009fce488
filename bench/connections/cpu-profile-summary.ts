import { readFile } from "node:fs/promises";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * Where the sampled time went, by source area (`apps/server/src/ocpp`, `node_modules/pg`, …) on the
 * whole stack: a busy (not idle) sample counts once for every area that has a frame on it
 * ("inclusive"), so the shares say how much of the busy time passes through an area, and add up to
 * more than 100 %. `(program)` and `(garbage collector)` are V8's own samples.
 */
export async function summarizeCpuProfile(
  path: string,
  top = 14,
): Promise<{ area: string; share: number; busy: number }[]> {
  const profile = JSON.parse(await readFile(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const counts = new Map<string, number>();
  let busy = 0;
  for (const sample of profile.samples) {
    if (byId.get(sample)!.callFrame.functionName === "(idle)") continue;
    busy++;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      seen.add(areaOf(byId.get(id)!.callFrame));
    }
    for (const area of seen) counts.set(area, (counts.get(area) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([area]) => area !== "((root))")
    .map(([area, n]) => ({ area, share: n / Math.max(1, busy), busy: busy / profile.samples.length }))
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
}

function areaOf(frame: ProfileNode["callFrame"]): string {
  if (!frame.url) return `(${frame.functionName || "native"})`;
  const modules = frame.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return `node_modules/${modules[1]}`;
  const own = frame.url.match(/\/((?:apps|packages)\/[^/]+\/src\/[^/]+)/);
  if (own) return own[1]!;
  if (frame.url.startsWith("node:")) return frame.url.split("/")[0]!;
  return frame.url
    .replace(/^file:\/\//, "")
    .split("/")
    .slice(-2)
    .join("/");
}
