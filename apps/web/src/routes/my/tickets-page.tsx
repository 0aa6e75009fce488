import { useTranslation } from "react-i18next";
import { useMe } from "../../features/auth/me.query";
import { isReadOnly } from "../../features/navigation/views";
import { TicketsList } from "../../features/tickets/tickets-list";
import { PageTitle } from "../../features/ui/page-title";

/** Tickets tab of the customer views: own tickets (company admins: the company's, R60). */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageTitle>{t("nav.tickets")}</PageTitle>
      <TicketsList readOnly={isReadOnly(me)} />
    </>
  );
}
