import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { AppError } from "../errors/app-error";

/** Generated documents (invoice PDFs) under DATA_DIR; keys are relative paths like `documents/…`. */
export type DocumentStore = {
  put: (key: string, bytes: Buffer) => Promise<{ key: string; sha256: string }>;
  get: (key: string) => Promise<Buffer>;
};

const keyPattern = /^documents(\/[A-Za-z0-9_.-]+)+$/;

export function createDocumentStore(dataDir: string): DocumentStore {
  const base = resolve(dataDir);
  const pathOf = (key: string) => {
    const path = resolve(join(base, key));
    if (!keyPattern.test(key) || key.includes("..") || !path.startsWith(base + sep)) {
      throw new Error(`invalid document key ${key}`);
    }
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.part-${randomBytes(6).toString("hex")}`;
      await writeFile(temporary, bytes, { flag: "wx" });
      await rename(temporary, path);
      return { key, sha256: sha256(bytes) };
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch {
        throw new AppError("not_found", "document not found");
      }
    },
  };
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
