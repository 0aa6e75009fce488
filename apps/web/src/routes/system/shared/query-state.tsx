import { Alert, Button, Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../features/ui/empty-state";
import { errorMessage } from "../../../lib/error-message";

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** True when the data is an empty list: shows the empty state instead of children. */
  isEmpty?: (data: T) => boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) and empty states around one query's data. */
export function QueryState<T>({
  query,
  isEmpty,
  emptyTitle,
  emptyDescription,
  children,
}: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  if (query.isError)
    return (
      <Alert color="red" role="alert" title={t("errors.title")}>
        {errorMessage(query.error, t)}{" "}
        <Button variant="subtle" size="compact-sm" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </Button>
      </Alert>
    );
  if (isEmpty?.(query.data)) return <EmptyState title={emptyTitle} description={emptyDescription} />;
  return <>{children(query.data)}</>;
}
