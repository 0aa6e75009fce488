import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../features/auth/me.types";
import { portalEn, portalNl } from "../routes/my/portal.i18n";
import { backOfficeEn, backOfficeNl } from "../routes/system/shared/back-office.i18n";
import { en } from "./en";
import { nl } from "./nl";

const STORAGE_KEY = "voltlane.language";

/** A language picked with the header switch wins over the account's `language`. */
function storedLanguage(): Language | undefined {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return value === "en" || value === "nl" ? value : undefined;
}

function browserLanguage(): Language {
  return globalThis.navigator?.language?.toLowerCase().startsWith("nl") ? "nl" : "en";
}

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, bo: backOfficeEn, portal: portalEn } },
      nl: { translation: { ...nl, bo: backOfficeNl, portal: portalNl } },
    },
    lng: storedLanguage() ?? browserLanguage(),
    fallbackLng: "en",
    interpolation: { escapeValue: false },
  });
  syncDocumentLanguage();
}

function syncDocumentLanguage() {
  if (typeof document !== "undefined") document.documentElement.lang = i18n.language;
}

export function changeLanguage(language: Language, remember: boolean): void {
  if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language).then(syncDocumentLanguage);
}

/** Called when Me arrives: the account's language is the default unless the user picked one here. */
export function applyAccountLanguage(language: Language): void {
  if (!storedLanguage() && i18n.language !== language) changeLanguage(language, false);
}

export { i18n };
