import type { Db } from "@voltlane/db";
import type { Clock } from "./clock";

/** What every core function may need besides its input; passed explicitly, never global. */
export type CoreDeps = {
  db: Db;
  clock: Clock;
  /** 32-byte hex key for secrets at rest (TOTP seeds). */
  secretKey: string;
  /** Public base URL of the web app, for links in e-mails. */
  publicUrl: string;
};
