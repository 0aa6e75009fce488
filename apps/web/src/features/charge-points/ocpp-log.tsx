import { Code, Spoiler } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { allRowsOf } from "../../components/fetch-all-rows";
import { formatDateTime } from "../../routes/system/shared/format";
import { PageFooter } from "../../routes/system/shared/page-footer";
import { QueryState } from "../../routes/system/shared/query-state";
import { type OcppMessage, useOcppMessages } from "./charge-points.api";

const messageTypes: Record<number, string> = { 2: "CALL", 3: "CALLRESULT", 4: "CALLERROR" };

/** The charge point's OCPP frames of the last 7 days, newest first. */
export function OcppLog({ chargePointId }: { chargePointId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const messages = useOcppMessages(chargePointId, page);
  const columns: Column<OcppMessage>[] = [
    {
      id: "at",
      header: t("bo.chargePoints.log.at"),
      cell: (m) => formatDateTime(m.at, i18n.language),
      csv: (m) => m.at,
    },
    {
      id: "direction",
      header: t("bo.chargePoints.log.direction"),
      cell: (m) => m.direction,
      csv: (m) => m.direction,
    },
    {
      id: "type",
      header: t("bo.chargePoints.log.type"),
      cell: (m) => (m.messageType ? (messageTypes[m.messageType] ?? m.messageType) : "—"),
      csv: (m) => m.messageType,
    },
    {
      id: "action",
      header: t("bo.chargePoints.log.action"),
      cell: (m) => m.action ?? "—",
      csv: (m) => m.action,
    },
    {
      id: "payload",
      header: t("bo.chargePoints.log.payload"),
      cell: (m) => (
        <Spoiler maxHeight={40} showLabel="+" hideLabel="−">
          <Code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{JSON.stringify(m.payload)}</Code>
        </Spoiler>
      ),
      csv: (m) => JSON.stringify(m.payload),
    },
  ];
  return (
    <QueryState
      query={messages}
      isEmpty={(data) => data.items.length === 0}
      emptyTitle={t("bo.chargePoints.log.none")}
    >
      {(data) => (
        <>
          <DataTable
            rows={data.items}
            columns={columns}
            rowKey={(m) => String(m.id)}
            label={t("bo.chargePoints.tabs.log")}
            csvFileName={`ocpp-${chargePointId}.csv`}
            sort={null}
            onSort={() => undefined}
            exportAll={allRowsOf<OcppMessage>(
              `charge-points/${encodeURIComponent(chargePointId)}/messages`,
              {},
            )}
          />
          <PageFooter total={data.total} page={page} pageSize={data.pageSize} onPage={setPage} />
        </>
      )}
    </QueryState>
  );
}
