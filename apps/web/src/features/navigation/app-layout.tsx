import { AppShell, Burger, Group, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBolt } from "@tabler/icons-react";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/me.query";
import { AnchorLink } from "../ui/anchor-link";
import { ViewAsBanner } from "../view-as/view-as-banner";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";
import { effectiveView } from "./views";

/** The shell for every logged-in screen: header, role-aware navigation (a burger on phones), content. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const view = effectiveView(me);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <AnchorLink to="/" c="inherit" underline="never" aria-label={t("nav.home")}>
              <Group gap={4} wrap="nowrap">
                <IconBolt aria-hidden />
                <Text fw={700}>Voltlane</Text>
              </Group>
            </AnchorLink>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("nav.label")}>
        <AppShell.Section grow component={ScrollArea}>
          <MainNav view={view} onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <ViewAsBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
