import { useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/me.query";
import { PlaceholderPage } from "../ui/placeholder-page";
import { navFor } from "./nav-items";
import { effectiveView } from "./views";

/** The page of a navigation entry whose feature has not landed yet: its title and an empty state. */
export function NavPlaceholder() {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const item = navFor(effectiveView(me), me).find((entry) => pathname.startsWith(entry.to));
  return <PlaceholderPage title={item ? t(item.label) : ""} />;
}
