import { registerTemplate } from "../notifications/templates";

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** Ticket e-mails and in-app messages in English and Dutch (R62); registered at import time. */
export function registerTicketTemplates(): void {
  registerTemplate("ticket_new", {
    en: (p) => ({
      subject: `New ticket ${s(p.number)}: ${s(p.subject)}`,
      body: `${s(p.customerName)} opened ticket ${s(p.number)} (${s(p.category)}, priority ${s(p.priority)}):\n\n${s(p.message)}\n\nOpen it: ${s(p.link)}`,
    }),
    nl: (p) => ({
      subject: `Nieuw ticket ${s(p.number)}: ${s(p.subject)}`,
      body: `${s(p.customerName)} heeft ticket ${s(p.number)} geopend (${s(p.category)}, prioriteit ${s(p.priority)}):\n\n${s(p.message)}\n\nBekijk het: ${s(p.link)}`,
    }),
  });
  registerTemplate("ticket_reply_to_customer", {
    en: (p) => ({
      subject: `Re: ${s(p.subject)} [${s(p.number)}]`,
      body: `Hello ${s(p.name)},\n\n${s(p.authorName)} replied to your ticket ${s(p.number)}:\n\n${s(p.message)}\n\nReply or follow it here: ${s(p.link)}`,
    }),
    nl: (p) => ({
      subject: `Re: ${s(p.subject)} [${s(p.number)}]`,
      body: `Hallo ${s(p.name)},\n\n${s(p.authorName)} heeft gereageerd op je ticket ${s(p.number)}:\n\n${s(p.message)}\n\nReageer of volg het hier: ${s(p.link)}`,
    }),
  });
  registerTemplate("ticket_reply_to_staff", {
    en: (p) => ({
      subject: `Customer reply on ${s(p.number)}: ${s(p.subject)}`,
      body: `${s(p.authorName)} (${s(p.customerName)}) replied to ticket ${s(p.number)}:\n\n${s(p.message)}\n\nOpen it: ${s(p.link)}`,
    }),
    nl: (p) => ({
      subject: `Reactie van klant op ${s(p.number)}: ${s(p.subject)}`,
      body: `${s(p.authorName)} (${s(p.customerName)}) heeft gereageerd op ticket ${s(p.number)}:\n\n${s(p.message)}\n\nBekijk het: ${s(p.link)}`,
    }),
  });
  registerTemplate("ticket_resolved", {
    en: (p) => ({
      subject: `Ticket ${s(p.number)} resolved: ${s(p.subject)}`,
      body: `Hello ${s(p.name)},\n\nYour ticket ${s(p.number)} was marked as resolved. If your question is not answered, reply within ${s(p.autoCloseDays)} days to reopen it; after that it closes.\n\n${s(p.link)}`,
    }),
    nl: (p) => ({
      subject: `Ticket ${s(p.number)} opgelost: ${s(p.subject)}`,
      body: `Hallo ${s(p.name)},\n\nJe ticket ${s(p.number)} is als opgelost gemarkeerd. Is je vraag niet beantwoord? Reageer dan binnen ${s(p.autoCloseDays)} dagen om het te heropenen; daarna wordt het gesloten.\n\n${s(p.link)}`,
    }),
  });
  registerTemplate("ticket_assigned", {
    en: (p) => ({
      subject: `Ticket ${s(p.number)} assigned to you: ${s(p.subject)}`,
      body: `Ticket ${s(p.number)} of ${s(p.customerName)} is now assigned to you.\n\n${s(p.link)}`,
    }),
    nl: (p) => ({
      subject: `Ticket ${s(p.number)} aan jou toegewezen: ${s(p.subject)}`,
      body: `Ticket ${s(p.number)} van ${s(p.customerName)} is nu aan jou toegewezen.\n\n${s(p.link)}`,
    }),
  });
}

registerTicketTemplates();
