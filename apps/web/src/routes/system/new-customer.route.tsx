import { Anchor } from "@mantine/core";
import { createRoute, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { NewCustomerForm } from "../../features/customers/new-customer-form";
import { PageTitle } from "../../features/ui/page-title";
import { notifySuccess } from "../../lib/error-message";
import { systemRoute } from "./system.route";

export const newCustomerRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/customers/new",
  component: NewCustomerPage,
});

function NewCustomerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Anchor component={Link} to="/customers" size="sm">
        ← {t("customers.title")}
      </Anchor>
      <PageTitle>{t("customers.new")}</PageTitle>
      <NewCustomerForm
        onCreated={(customer) => {
          notifySuccess(t("customers.created", { name: customer.name }));
          void navigate({ to: "/customers/$customerId", params: { customerId: customer.id } });
        }}
      />
    </>
  );
}
