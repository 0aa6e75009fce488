import type { LocalListEntry } from "./build-local-list";

/** One SendLocalList entry: without idTagInfo a differential update removes the tag (OCPP 1.6 §6.39). */
export type LocalListChange = { idTag: string; idTagInfo?: { status: string; expiryDate?: string } };

/**
 * What a Differential update must carry to turn the list the charger has into the wanted one: new or
 * changed entries, and removals. A card that left the list because it was blocked is sent as Blocked
 * rather than removed, so that a charger that also caches authorizations refuses it offline (R27).
 */
export function diffLocalList(
  current: readonly LocalListEntry[],
  wanted: readonly LocalListEntry[],
  blocked: ReadonlySet<string>,
): { changes: LocalListChange[]; next: LocalListEntry[] } {
  const before = new Map(current.map((e) => [e.idTag, e]));
  const after = new Map(wanted.map((e) => [e.idTag, e]));
  for (const idTag of before.keys()) {
    if (!after.has(idTag) && blocked.has(idTag)) after.set(idTag, { idTag, status: "Blocked" });
  }
  const changes: LocalListChange[] = [];
  for (const [idTag, entry] of after) {
    const old = before.get(idTag);
    if (old && old.status === entry.status && old.expiryDate === entry.expiryDate) continue;
    changes.push(toChange(entry));
  }
  for (const idTag of before.keys()) if (!after.has(idTag)) changes.push({ idTag });
  return { changes, next: [...after.values()] };
}

export function toChange(entry: LocalListEntry): LocalListChange {
  return {
    idTag: entry.idTag,
    idTagInfo: { status: entry.status, ...(entry.expiryDate ? { expiryDate: entry.expiryDate } : {}) },
  };
}
