import { type CoreDeps, deliverOutbox } from "@voltlane/core";
import nodemailer from "nodemailer";
import type { Job } from "./job-runner";

/** Delivers the e-mail outbox over SMTP; without SMTP_URL mail simply stays in the outbox. */
export function outboxJob(core: CoreDeps, smtpUrl: string, from: string): Job {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    id: "outbox-delivery",
    everyMs: 2_000,
    run: () =>
      deliverOutbox(core.db, core.clock, async (mail) => {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      }),
  };
}
