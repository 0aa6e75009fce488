import { type CoreDeps, createDocumentStore, deliverOutbox } from "@voltlane/core";
import nodemailer from "nodemailer";
import type { Job } from "./job-runner";

/** Delivers the e-mail outbox over SMTP; without SMTP_URL mail simply stays in the outbox. */
export function outboxJob(core: CoreDeps, smtpUrl: string, from: string, dataDir = "./data"): Job {
  const transport = nodemailer.createTransport(smtpUrl);
  // Attachments are stored documents (R56: invoice PDFs), read at send time.
  const documents = createDocumentStore(dataDir);
  return {
    id: "outbox-delivery",
    everyMs: 2_000,
    run: () =>
      deliverOutbox(core.db, core.clock, async (mail) => {
        const attachments = await Promise.all(
          (mail.attachments ?? []).map(async (a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: await documents.get(a.storageKey),
          })),
        );
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments });
      }),
  };
}
