import { Container, Group, Paper, Text, Title } from "@mantine/core";
import { IconBolt } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../navigation/language-switch";

/** The frame of the screens outside the shell: login, password reset, TOTP enrolment. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={440} py={48} component="main">
      <Group justify="space-between" mb="lg">
        <Group gap={4}>
          <IconBolt aria-hidden />
          <Text fw={700}>Voltlane</Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Paper withBorder shadow="sm" p="lg">
        <Title order={2} mb="md">
          {title}
        </Title>
        {children}
      </Paper>
    </Container>
  );
}
