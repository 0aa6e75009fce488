import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Total and page buttons under a paged list. */
export function PageFooter({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t("common.total", { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
        />
      )}
    </Group>
  );
}
