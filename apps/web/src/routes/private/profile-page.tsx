import { Alert, Loader, Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AccountSecurity } from "../../features/auth/account-security";
import { useMe } from "../../features/auth/me.query";
import { CustomerDetailsForm } from "../../features/customers/customer-details-form";
import { useCustomer } from "../../features/customers/customers.api";
import { effectiveCustomerId, effectiveView, isReadOnly } from "../../features/navigation/views";
import { VatEntitiesPanel } from "../../features/profile/billing-records";
import { AdminLogins, PaymentDetails } from "../../features/profile/profile-extras";
import { PageTitle } from "../../features/ui/page-title";
import { errorMessage } from "../../lib/error-message";

/** Profile tab: the customer's own data; password and 2FA belong to the login, so not when viewing as. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const customer = useCustomer(effectiveCustomerId(me));
  const readOnly = isReadOnly(me);
  return (
    <>
      <PageTitle>{t("nav.profile")}</PageTitle>
      <Stack>
        <Paper withBorder p="md">
          <Title order={3} mb="sm">
            {t("profile.details")}
          </Title>
          {customer.isPending && <Loader aria-label={t("common.loading")} />}
          {customer.isError && (
            <Alert color="red" role="alert">
              {errorMessage(customer.error, t)}
            </Alert>
          )}
          {customer.data && (
            <CustomerDetailsForm key={customer.data.id} customer={customer.data} readOnly={readOnly} />
          )}
        </Paper>
        {customer.data && <PaymentDetails customer={customer.data} readOnly={readOnly} />}
        {customer.data && effectiveView(me) === "company" && (
          <VatEntitiesPanel customer={customer.data} readOnly={readOnly} />
        )}
        {customer.data && effectiveView(me) === "company" && (
          <AdminLogins customerId={customer.data.id} readOnly={readOnly} />
        )}
        {!readOnly && <AccountSecurity />}
      </Stack>
    </>
  );
}
