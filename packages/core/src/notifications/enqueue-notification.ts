import { type Db, notifications } from "@voltlane/db";
import { renderTemplate, type TemplateName } from "./templates";

export type NotificationInput = {
  providerId: string;
  channel: "email" | "in_app";
  template: TemplateName;
  language?: string;
  payload: Record<string, unknown>;
  recipient:
    | { kind: "system"; id: string; email?: string | null }
    | { kind: "customer"; id: string; email?: string | null }
    | { kind: "address"; email: string };
  /** Stored documents to attach (storage keys under DATA_DIR), e.g. an invoice PDF (R56). */
  attachments?: { filename: string; storageKey: string; contentType: string }[];
};

/**
 * R63: a notification enters the outbox inside the event's own transaction (pass the tx as db);
 * the outbox job delivers it at least once. The text is rendered now, in the recipient's language.
 */
export async function enqueueNotification(db: Db, input: NotificationInput): Promise<void> {
  const language = input.language === "nl" ? "nl" : "en";
  const { subject, body } = renderTemplate(input.template, language, input.payload);
  await db.insert(notifications).values({
    providerId: input.providerId,
    recipientKind: input.recipient.kind,
    recipientId: input.recipient.kind === "address" ? null : input.recipient.id,
    recipientEmail: input.recipient.email ?? null,
    channel: input.channel,
    template: input.template,
    language,
    payload: input.payload,
    subject,
    body,
    attachments: input.attachments ?? null,
  });
}
