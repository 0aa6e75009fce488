import { Alert, Button, Group, Text } from "@mantine/core";
import { IconEye } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/error-message";
import { useMe } from "../auth/me.query";
import { useStopViewAs } from "./view-as.api";

/** Always visible while a system user looks at a customer's own view. */
export function ViewAsBanner() {
  const { t } = useTranslation();
  const me = useMe();
  const stop = useStopViewAs();
  const navigate = useNavigate();
  if (!me.viewAs) return null;
  const customerId = me.viewAs.customerId;
  const back = () =>
    stop.mutate(undefined, {
      onSuccess: () => navigate({ to: "/customers/$customerId", params: { customerId } }),
      onError: (error) => notifyError(error, t),
    });
  return (
    <Alert
      color="orange"
      variant="filled"
      mb="md"
      icon={<IconEye aria-hidden />}
      role="region"
      aria-label={t("viewAs.region")}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t("viewAs.banner", { name: me.viewAs.name })}</Text>
        <Button size="xs" variant="white" color="orange" onClick={back} loading={stop.isPending}>
          {t("viewAs.back")}
        </Button>
      </Group>
    </Alert>
  );
}
