import { z } from "zod";

/** POST /charge-points/{id}/local-list/sync: what was sent and what the charger answered. */
export const localListSyncResultSchema = z.object({
  chargePointId: z.string(),
  updateType: z.enum(["Full", "Differential", "None"]),
  listVersion: z.number().int(),
  entries: z.number().int(),
  status: z.enum(["Accepted", "Failed", "NotSupported", "VersionMismatch", "Unchanged"]),
});
export type LocalListSyncResult = z.infer<typeof localListSyncResultSchema>;
