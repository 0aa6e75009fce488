type Texts = { subject: string; body: string };
type Template = Record<"en" | "nl", (p: Record<string, unknown>) => Texts>;

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** Every e-mail and in-app message the platform sends, in English and Dutch. */
const templates = {
  password_reset: {
    en: (p) => ({
      subject: "Reset your Voltlane password",
      body: `Hello ${s(p.name)},\n\nSomeone asked to reset the password of your account. Open this link within one hour to choose a new password:\n\n${s(p.link)}\n\nIf it was not you, ignore this message.`,
    }),
    nl: (p) => ({
      subject: "Stel je Voltlane-wachtwoord opnieuw in",
      body: `Hallo ${s(p.name)},\n\nEr is gevraagd het wachtwoord van je account opnieuw in te stellen. Open deze link binnen een uur om een nieuw wachtwoord te kiezen:\n\n${s(p.link)}\n\nWas jij dit niet? Negeer dit bericht dan.`,
    }),
  },
  invitation: {
    en: (p) => ({
      subject: `Your ${s(p.provider)} account`,
      body: `Hello ${s(p.name)},\n\nAn account was created for you. Open this link to set your password (valid for 7 days):\n\n${s(p.link)}`,
    }),
    nl: (p) => ({
      subject: `Je account bij ${s(p.provider)}`,
      body: `Hallo ${s(p.name)},\n\nEr is een account voor je aangemaakt. Open deze link om je wachtwoord in te stellen (7 dagen geldig):\n\n${s(p.link)}`,
    }),
  },
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof templates | (string & {});

const extra = new Map<string, Template>();

/** Other features (tickets, invoices) register their templates at import time. */
export function registerTemplate(name: string, template: Template): void {
  extra.set(name, template);
}

export function renderTemplate(
  name: TemplateName,
  language: "en" | "nl",
  payload: Record<string, unknown>,
): Texts {
  const template = (templates as Record<string, Template>)[name] ?? extra.get(name);
  if (!template) throw new Error(`unknown notification template ${name}`);
  return template[language](payload);
}
