import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconLogout, IconShieldLock } from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useLogout } from "../auth/auth.api";
import { useMe } from "../auth/me.query";

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate({ to: "/login" }) });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          maw={220}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t("user.menu", { name: me.name })}
        >
          {me.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        {!me.viewAs && (
          <Menu.Item component={Link} to="/account" leftSection={<IconShieldLock size={16} aria-hidden />}>
            {t("user.account")}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={onLogout}>
          {t("user.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
