import type { DocumentStore } from "../documents/document-store";
import type { CoreDeps } from "../platform/deps";

/** Invoicing also writes documents (PDFs under DATA_DIR/documents). */
export type BillingDeps = CoreDeps & { documents: DocumentStore };
