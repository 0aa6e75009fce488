import { type BillingDeps, createDocumentStore } from "@voltlane/core";
import type { ServerDeps } from "../types";

/** Invoicing routes also reach the stored documents under DATA_DIR. */
export function billingDepsOf({ core, config }: ServerDeps): BillingDeps {
  return { ...core, documents: createDocumentStore(config.dataDir) };
}
