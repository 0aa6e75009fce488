import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { ticketFileLimits } from "@voltlane/contracts";

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The first bytes must match the declared type, so a renamed executable is no "image/png". */
export function contentMatches(contentType: string, head: Buffer): boolean {
  switch (contentType) {
    case "image/png":
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case "image/gif":
      return startsWith(head, ascii("GIF8"));
    case "image/webp":
      return startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8);
    case "application/pdf":
      return startsWith(head, ascii("%PDF-"));
    case "text/plain":
    case "text/csv":
      return !head.includes(0);
    default:
      return false;
  }
}

export function allowedContentType(contentType: string): boolean {
  return (ticketFileLimits.contentTypes as readonly string[]).includes(contentType);
}

/** A safe display name: no path, no control characters, bounded length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return cleaned.slice(-200) || "file";
}

/**
 * Counts, hashes and keeps the head of a stream while passing it on; past `maxBytes` it stops
 * passing bytes (but keeps reading, so the upload is drained) and flags the overflow.
 */
export class FileMeter extends Transform {
  size = 0;
  overflow = false;
  head = Buffer.alloc(0);
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.head.length < 8192) this.head = Buffer.concat([this.head, chunk.subarray(0, 8192)]);
    if (this.size > this.maxBytes) {
      this.overflow = true;
      return done();
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest("hex");
  }
}
