import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type TicketFile, type TicketStatus, ticketFileLimits } from "@voltlane/contracts";
import { type Db, ticketFiles, ticketMessages, tickets } from "@voltlane/db";
import { and, count, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { allowedContentType, cleanFilename, contentMatches, FileMeter } from "./file-checks";
import type { FileStore } from "./file-store";
import {
  assertCanReply,
  loadVisibleTicket,
  lockVisibleTicket,
  seesInternal,
  type TicketRow,
} from "./ticket-access";
import { nextTicketStatus } from "./ticket-status";
import { toTicketFile } from "./ticket-views";

export type IncomingFile = { filename: string; contentType: string; stream: Readable };
type Stored = { key: string; filename: string; contentType: string; size: number; sha256: string };

const tooMany = () =>
  new AppError("business_rule", `at most ${ticketFileLimits.maxFilesPerMessage} files per message`, {
    rule: "attachments",
    maxFiles: ticketFileLimits.maxFilesPerMessage,
  });

async function loadOwnMessage(db: Db, p: Principal, ticket: TicketRow, messageId: string) {
  const [message] = await db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticket.id)));
  if (!message || (message.internal && !seesInternal(p)))
    throw new AppError("not_found", "message not found");
  assertCanReply(p, ticket, message.internal);
  // Files belong to the message their author wrote.
  if (message.authorKind !== p.kind || message.authorId !== p.userId) {
    throw new AppError("forbidden", "only the author attaches files to a message");
  }
  nextTicketStatus(ticket.status as TicketStatus, { type: "internal_note" }); // closed is final (R61)
  return message;
}

async function filesOf(db: Db, messageId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ticketFiles).where(eq(ticketFiles.messageId, messageId));
  return Number(row?.n ?? 0);
}

/** Stores one upload; every limit is checked while the bytes stream through (issue #5). */
async function storeOne(store: FileStore, keyPrefix: string, file: IncomingFile): Promise<Stored> {
  const meter = new FileMeter(ticketFileLimits.maxFileBytes);
  const key = `${keyPrefix}/${randomUUID()}`;
  await Promise.all([pipeline(file.stream, meter), store.put(key, meter)]);
  const stored = {
    key,
    filename: cleanFilename(file.filename),
    contentType: file.contentType,
    size: meter.size,
  };
  if (meter.overflow) {
    await store.delete(key);
    throw new AppError("body_too_large", `a file may have at most ${ticketFileLimits.maxFileBytes} bytes`);
  }
  if (!allowedContentType(file.contentType) || !contentMatches(file.contentType, meter.head)) {
    await store.delete(key);
    throw new AppError("unsupported_media_type", "only images (PNG, JPEG, GIF, WebP), PDF and text files");
  }
  return { ...stored, sha256: meter.digest() };
}

/** Reads every upload to its end (so the request completes), storing until the first refusal. */
async function storeAll(store: FileStore, prefix: string, room: number, files: AsyncIterable<IncomingFile>) {
  const stored: Stored[] = [];
  let failure: unknown;
  for await (const file of files) {
    if (failure === undefined && stored.length >= room) failure = tooMany();
    if (failure !== undefined) {
      file.stream.resume();
      continue;
    }
    try {
      stored.push(await storeOne(store, prefix, file));
    } catch (error) {
      failure = error;
    }
  }
  if (failure !== undefined) {
    for (const s of stored) await store.delete(s.key);
    throw failure;
  }
  return stored;
}

/**
 * Attaches uploads to a message of a visible ticket: ≤ 5 files × 10 MB per message, images, PDF
 * and text only. All or nothing: a refused file removes the ones stored before it. Audited (R8).
 */
export async function attachTicketFiles(
  deps: CoreDeps,
  store: FileStore,
  p: Principal,
  target: { ticketId: string; messageId: string },
  files: AsyncIterable<IncomingFile>,
): Promise<TicketFile[]> {
  const ticket = await loadVisibleTicket(deps.db, p, target.ticketId);
  const message = await loadOwnMessage(deps.db, p, ticket, target.messageId);
  const room = ticketFileLimits.maxFilesPerMessage - (await filesOf(deps.db, message.id));
  const stored = await storeAll(store, `tickets/${p.providerId}/${ticket.id}`, room, files);
  if (stored.length === 0) throw new AppError("validation_failed", "no file in the upload");
  try {
    return await deps.db.transaction(async (tx) => {
      await lockVisibleTicket(tx, p, ticket.id);
      // Two uploads at once must not pass the limit together.
      if ((await filesOf(tx, message.id)) + stored.length > ticketFileLimits.maxFilesPerMessage)
        throw tooMany();
      const now = deps.clock.now();
      const rows = await tx
        .insert(ticketFiles)
        .values(
          stored.map((s) => ({
            providerId: p.providerId,
            ticketId: ticket.id,
            messageId: message.id,
            filename: s.filename,
            contentType: s.contentType,
            size: s.size,
            sha256: s.sha256,
            storageKey: s.key,
            uploadedById: p.userId,
            createdAt: now,
          })),
        )
        .returning();
      await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticket.id));
      await recordAudit(tx, p, {
        action: "ticket.files_add",
        entityType: "ticket",
        entityId: ticket.id,
        after: {
          messageId: message.id,
          files: rows.map((r) => ({ id: r.id, filename: r.filename, size: r.size })),
        },
        at: now,
      });
      return rows.map(toTicketFile);
    });
  } catch (error) {
    for (const s of stored) await store.delete(s.key);
    throw error;
  }
}
