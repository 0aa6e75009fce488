import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center">
        <Title order={2}>{t("notFound.title")}</Title>
        <Text c="dimmed">{t("notFound.description")}</Text>
        <Button component={Link} to="/">
          {t("notFound.home")}
        </Button>
      </Stack>
    </Center>
  );
}
