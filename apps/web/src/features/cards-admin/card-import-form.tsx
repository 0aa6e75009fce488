import { Alert, Button, Code, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";
import type { CardImportResult, CardImportRowError } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiSendText } from "../../lib/api-client";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { useAction } from "../../routes/system/shared/use-action";

function rowErrorsOf(error: unknown): CardImportRowError[] {
  if (!(error instanceof ApiError)) return [];
  const rows = (error.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(rows) ? (rows as CardImportRowError[]) : [];
}

/** Back office "Cards: CSV import": check the file, see every bad line, then import all or nothing. */
export function CardImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<CardImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<CardImportRowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const send = useAction({
    run: async (dryRun: boolean) =>
      apiSendText<CardImportResult>(
        `/charge-cards/import?dryRun=${dryRun}`,
        await (file as File).text(),
        "text/csv",
      ),
    invalidate: [["charge-cards"]],
    handleError: (error) => {
      setChecked(null);
      setRowErrors(rowErrorsOf(error));
      setFailure(errorMessage(error, t));
      return true;
    },
    onSuccess: (result) => {
      setRowErrors([]);
      setFailure(null);
      setChecked(result);
      if (result.dryRun) return;
      notifySuccess(t("bo.cards.imported", { count: result.imported }));
      onDone();
    },
  });
  const choose = (next: File | null) => {
    setFile(next);
    setChecked(null);
    setRowErrors([]);
    setFailure(null);
  };
  return (
    <Stack>
      <Text size="sm">{t("bo.cards.importHelp")}</Text>
      <Code block>
        {"uid;number;name;validUntil;customer;roaming\n04A2B1C3;NL-VLT-000123-4;Van 12;2027-12-31;C-1001;no"}
      </Code>
      <FileInput
        label={t("bo.cards.importFile")}
        accept=".csv,text/csv"
        leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        value={file}
        onChange={choose}
        clearable
      />
      {checked?.dryRun && (
        <Alert color="green" role="status">
          {t("bo.cards.importChecked", { count: checked.imported, attached: checked.attached })}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" title={failure}>
          {rowErrors.length > 0 && t("bo.cards.importErrors")}
        </Alert>
      )}
      {rowErrors.length > 0 && (
        <Table.ScrollContainer minWidth={420} mah={260}>
          <Table striped aria-label={t("bo.cards.importErrors")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("bo.cards.importLine")}</Table.Th>
                <Table.Th>{t("bo.cards.importField")}</Table.Th>
                <Table.Th>{t("bo.cards.importCode")}</Table.Th>
                <Table.Th>{t("bo.cards.importMessage")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rowErrors.map((e) => (
                <Table.Tr key={`${e.line}-${e.field}-${e.code}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>
                    <Code>{e.code}</Code>
                  </Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={!file} loading={send.isPending} onClick={() => send.mutate(true)}>
          {t("bo.cards.importCheck")}
        </Button>
        <Button disabled={!file} loading={send.isPending} onClick={() => send.mutate(false)}>
          {t("bo.cards.importRun")}
        </Button>
      </Group>
    </Stack>
  );
}
