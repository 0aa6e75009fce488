import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage } from "../../i18n/i18n";
import type { Language } from "../auth/me.types";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language.label")}
      value={i18n.language === "nl" ? "nl" : "en"}
      onChange={(value) => changeLanguage(value as Language, true)}
      data={[
        { value: "en", label: "EN" },
        { value: "nl", label: "NL" },
      ]}
    />
  );
}
