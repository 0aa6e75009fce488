export const en = {
  title: "Outbox",
  none: "The outbox is empty",
  created: "Created",
  recipient: "Recipient",
  subject: "Subject",
  template: "Template",
  channel: "Channel",
  attempts: "Attempts",
  lastError: "Last error",
};
export const nl: typeof en = {
  title: "Outbox",
  none: "De outbox is leeg",
  created: "Aangemaakt",
  recipient: "Ontvanger",
  subject: "Onderwerp",
  template: "Sjabloon",
  channel: "Kanaal",
  attempts: "Pogingen",
  lastError: "Laatste fout",
};
