import { readFile } from "node:fs/promises";

/** Self size and count of the objects of one kind (type and constructor or function name). */
export type HeapGroup = { kind: string; count: number; bytes: number };

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

/**
 * Groups a V8 heap snapshot (`.heapsnapshot`, JSON) by node type and name: objects by constructor,
 * closures by function name, strings and code as one group each. Comparing two of them (before and
 * after N connections) shows what one connection costs.
 */
export async function summarizeHeapSnapshot(path: string): Promise<Map<string, HeapGroup>> {
  const snap = JSON.parse(await readFile(path, "utf8")) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const groups = new Map<string, HeapGroup>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = snap.strings[snap.nodes[i + nameAt]!]!;
    const kind =
      type === "object" || type === "closure" || type === "native"
        ? `${type} ${name.slice(0, 60)}`
        : `(${type})`;
    const group = groups.get(kind) ?? { kind, count: 0, bytes: 0 };
    group.count++;
    group.bytes += snap.nodes[i + sizeAt]!;
    groups.set(kind, group);
  }
  return groups;
}

/** The groups that grew most between two snapshots, per connection. */
export function growthPerConnection(
  before: Map<string, HeapGroup>,
  after: Map<string, HeapGroup>,
  connections: number,
  top = 15,
): { kind: string; perConnection: number; bytesPerConnection: number }[] {
  return [...after.values()]
    .map((a) => {
      const b = before.get(a.kind) ?? { count: 0, bytes: 0 };
      return {
        kind: a.kind,
        perConnection: (a.count - b.count) / connections,
        bytesPerConnection: (a.bytes - b.bytes) / connections,
      };
    })
    .sort((x, y) => y.bytesPerConnection - x.bytesPerConnection)
    .slice(0, top);
}
