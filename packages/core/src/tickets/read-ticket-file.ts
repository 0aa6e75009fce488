import type { Readable } from "node:stream";
import { ticketFiles, ticketMessages } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import type { FileStore } from "./file-store";
import { loadVisibleTicket, seesInternal } from "./ticket-access";

export type TicketFileDownload = { filename: string; contentType: string; size: number; body: Readable };

/** A ticket file with the visibility of its ticket and message (R60: internal files stay internal). */
export async function readTicketFile(
  deps: CoreDeps,
  store: FileStore,
  p: Principal,
  ticketId: string,
  fileId: string,
): Promise<TicketFileDownload> {
  const ticket = await loadVisibleTicket(deps.db, p, ticketId);
  const [row] = await deps.db
    .select({ file: ticketFiles, internal: ticketMessages.internal })
    .from(ticketFiles)
    .innerJoin(ticketMessages, eq(ticketMessages.id, ticketFiles.messageId))
    .where(and(eq(ticketFiles.id, fileId), eq(ticketFiles.ticketId, ticket.id)));
  if (!row || (row.internal && !seesInternal(p))) throw new AppError("not_found", "file not found");
  return {
    filename: row.file.filename,
    contentType: row.file.contentType,
    size: row.file.size,
    body: await store.get(row.file.storageKey),
  };
}
