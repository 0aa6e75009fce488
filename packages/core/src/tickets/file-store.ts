import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors/app-error";

/**
 * Where uploaded bytes live. The local store below keeps them under DATA_DIR; an S3-compatible
 * store implements the same three calls.
 */
export interface FileStore {
  put(key: string, body: Readable): Promise<void>;
  /** The bytes; `not_found` when the key is unknown. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

const keyPattern = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Files on the local disk under `root`; writes go to a temporary name first, then rename. */
export function createLocalFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!keyPattern.test(key)) throw new Error(`invalid storage key ${key}`);
    const path = resolve(join(base, key));
    if (!path.startsWith(base + sep)) throw new Error(`storage key escapes the root: ${key}`);
    return path;
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.part-${randomBytes(6).toString("hex")}`;
      try {
        await pipeline(body, createWriteStream(temporary, { flags: "wx" }));
        await rename(temporary, path);
      } finally {
        await rm(temporary, { force: true });
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        throw new AppError("not_found", "file not found");
      }
      return createReadStream(path);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
