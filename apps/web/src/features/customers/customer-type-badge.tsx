import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CustomerType } from "../auth/me.types";

const colors: Record<CustomerType, string> = { private: "blue", company: "grape", employee: "cyan" };

export function CustomerTypeBadge({ type }: { type: CustomerType }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[type]} variant="light">
      {t(`customerType.${type}`)}
    </Badge>
  );
}
