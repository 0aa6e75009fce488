import { Alert, Button, Stack } from "@mantine/core";
import type { ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/error-message";

/** A failed load inside the shell: the API's message and a retry, never a blank page. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("errors.title")}>
      <Stack align="flex-start">
        {errorMessage(error, t)}
        <Button size="xs" variant="light" color="red" onClick={reset}>
          {t("common.retry")}
        </Button>
      </Stack>
    </Alert>
  );
}
