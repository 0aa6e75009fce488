import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { cleanFilename, contentMatches, FileMeter } from "./file-checks";
import { createLocalFileStore } from "./file-store";

const bytes = (...b: number[]) => Buffer.from(b);

describe("contentMatches: the first bytes must fit the declared type", () => {
  it.each<[string, Buffer, boolean]>([
    ["image/png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), true],
    ["image/png", Buffer.from("MZ\x90\x00"), false],
    ["image/jpeg", bytes(0xff, 0xd8, 0xff, 0xe0), true],
    ["image/gif", Buffer.from("GIF89a"), true],
    ["image/webp", Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 "), true],
    ["image/webp", Buffer.from("RIFF\x10\x00\x00\x00WAVEfmt "), false],
    ["application/pdf", Buffer.from("%PDF-1.7"), true],
    ["application/pdf", Buffer.from("<html>"), false],
    ["text/plain", Buffer.from("hello\nworld"), true],
    ["text/csv", Buffer.from("a;b\x00c"), false],
    ["text/html", Buffer.from("<p>"), false],
  ])("%s with %j → %s", (type, head, expected) => {
    expect(contentMatches(type, head)).toBe(expected);
  });
});

describe("cleanFilename", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\eva\\photo.png", "photo.png"],
    ['bad"name\u0000.txt', "badname.txt"],
    ["", "file"],
    [`${"a".repeat(300)}.pdf`, `${"a".repeat(196)}.pdf`],
  ])("%j → %j", (input, expected) => {
    expect(cleanFilename(input)).toBe(expected);
  });
});

describe("FileMeter and the local FileStore", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("stores, reads and deletes bytes; refuses keys that leave the root", async () => {
    const root = await mkdtemp(join(tmpdir(), "voltlane-store-"));
    dirs.push(root);
    const store = createLocalFileStore(root);
    await store.put("tickets/p/t/f1", Readable.from([Buffer.from("hello "), Buffer.from("world")]));
    const chunks: Buffer[] = [];
    for await (const c of await store.get("tickets/p/t/f1")) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("hello world");
    expect(await readdir(join(root, "tickets/p/t"))).toEqual(["f1"]); // no temporary files left
    await store.delete("tickets/p/t/f1");
    await expect(store.get("tickets/p/t/f1")).rejects.toMatchObject({ code: "not_found" });
    await expect(store.put("../outside", Readable.from([Buffer.from("x")]))).rejects.toThrow(/invalid/);
  });

  it("counts and hashes what passes, and flags an overflow without passing it on", async () => {
    const meter = new FileMeter(5);
    const out: Buffer[] = [];
    meter.on("data", (c: Buffer) => out.push(c));
    const done = new Promise((r) => meter.on("end", r));
    meter.write(Buffer.from("abc"));
    meter.end(Buffer.from("defg"));
    await done;
    expect(meter.size).toBe(7);
    expect(meter.overflow).toBe(true);
    expect(Buffer.concat(out).toString()).toBe("abc");
  });
});
