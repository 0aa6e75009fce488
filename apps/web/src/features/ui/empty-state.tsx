import { Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconMoodEmpty } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Shown where a list is empty or a tab's feature has not been built yet. */
export function EmptyState({ title, description }: { title?: string; description?: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="xl" role="status">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
        <IconMoodEmpty size={28} />
      </ThemeIcon>
      <Title order={3}>{title ?? t("empty.title")}</Title>
      <Text c="dimmed" ta="center">
        {description ?? t("empty.description")}
      </Text>
    </Stack>
  );
}
