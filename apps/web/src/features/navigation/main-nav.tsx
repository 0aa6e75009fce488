import { NavLink } from "@mantine/core";
import { Link, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/me.query";
import { navFor } from "./nav-items";
import type { ViewName } from "./views";

export function MainNav({ view, onNavigate }: { view: ViewName; onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <nav aria-label={t(view === "system" ? "nav.backOffice" : "nav.portal")}>
      {navFor(view, me).map((item) => {
        const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} aria-hidden />}
            active={active}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </nav>
  );
}
