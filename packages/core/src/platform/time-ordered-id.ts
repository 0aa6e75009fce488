import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

// Random bytes drawn in bulk: one kernel call per 4,096 ids instead of one per id (the uuid package
// draws 16 bytes per call, which was 2.3 s of a 45 s invoice run profile).
const pool = new Uint8Array(16 * 4_096);
let offset = pool.length;

/**
 * A UUIDv7 (RFC 9562): milliseconds first, then random bits. Rows inserted in bulk with such ids land
 * at the right edge of their primary-key index instead of on random pages.
 */
export function timeOrderedId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return v7({ random });
}
