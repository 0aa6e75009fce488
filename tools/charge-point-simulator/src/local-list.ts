import type { IdTagInfo } from "./ocpp-types.ts";

export interface LocalListEntry {
  idTag: string;
  idTagInfo?: IdTagInfo;
}

export type SendLocalListStatus = "Accepted" | "Failed" | "NotSupported" | "VersionMismatch";

/** The local authorization list (OCPP 1.6 LocalAuthListManagement) with its version. */
export class LocalList {
  private version = 0;
  private readonly entries = new Map<string, IdTagInfo>();

  get listVersion(): number {
    return this.version;
  }

  lookup(idTag: string): IdTagInfo | undefined {
    return this.entries.get(idTag);
  }

  get size(): number {
    return this.entries.size;
  }

  update(
    listVersion: number,
    updateType: "Full" | "Differential",
    list: LocalListEntry[] = [],
  ): SendLocalListStatus {
    // A differential update must move the version forward, or the CS and the CP have diverged.
    if (updateType === "Differential" && listVersion <= this.version) return "VersionMismatch";
    if (updateType === "Full") this.entries.clear();
    for (const entry of list) {
      // In a differential update an entry without idTagInfo means "remove this tag".
      if (entry.idTagInfo) this.entries.set(entry.idTag, entry.idTagInfo);
      else this.entries.delete(entry.idTag);
    }
    this.version = listVersion;
    return "Accepted";
  }
}
