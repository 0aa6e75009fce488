import {
  Alert,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/error-message";
import { chargePointApi, chargePointKeys } from "./charge-points.api";
import {
  type CommandValues,
  commandFields,
  commandParams,
  commandTypes,
  triggerableMessages,
} from "./command-params";

/** Sends one OCPP command and shows the charge point's answer, or why there is none (offline, timeout). */
export function CommandPanel({ chargePointId }: { chargePointId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<CommandValues>({
    mode: "controlled",
    initialValues: {
      type: "GetConfiguration",
      connectorId: 1,
      idTag: "",
      transactionId: "",
      resetType: "Soft",
      availability: "Operative",
      keys: "",
      key: "",
      value: "",
      requestedMessage: "Heartbeat",
    },
  });
  const send = useMutation({
    mutationFn: (values: CommandValues) =>
      chargePointApi.command(chargePointId, values.type, commandParams(values), 30),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chargePointKeys.detail(chargePointId) }),
  });
  const fields = commandFields[form.getValues().type];
  const show = (field: keyof CommandValues) => fields.includes(field);
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("bo.chargePoints.cmd.title")}
      </Title>
      <form onSubmit={form.onSubmit((values) => send.mutate(values))}>
        <Stack>
          <Select
            label={t("bo.chargePoints.cmd.type")}
            data={commandTypes.map((type) => ({
              value: type,
              label: t(`bo.chargePoints.cmd.types.${type}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps("type")}
            onChange={(value) => {
              form.setFieldValue("type", value as CommandValues["type"]);
              send.reset();
            }}
          />
          <Group grow wrap="wrap">
            {show("connectorId") && (
              <NumberInput
                label={t("bo.chargePoints.cmd.connectorId")}
                min={0}
                {...form.getInputProps("connectorId")}
              />
            )}
            {show("idTag") && (
              <TextInput label={t("bo.chargePoints.cmd.idTag")} required {...form.getInputProps("idTag")} />
            )}
            {show("transactionId") && (
              <NumberInput
                label={t("bo.chargePoints.cmd.transactionId")}
                required
                {...form.getInputProps("transactionId")}
              />
            )}
            {show("resetType") && (
              <Select
                label={t("bo.chargePoints.cmd.resetType")}
                data={["Soft", "Hard"]}
                {...form.getInputProps("resetType")}
              />
            )}
            {show("availability") && (
              <Select
                label={t("bo.chargePoints.cmd.availability")}
                data={["Operative", "Inoperative"]}
                {...form.getInputProps("availability")}
              />
            )}
            {show("keys") && (
              <TextInput label={t("bo.chargePoints.cmd.keys")} {...form.getInputProps("keys")} />
            )}
            {show("key") && (
              <TextInput label={t("bo.chargePoints.cmd.key")} required {...form.getInputProps("key")} />
            )}
            {show("value") && (
              <TextInput label={t("bo.chargePoints.cmd.value")} {...form.getInputProps("value")} />
            )}
            {show("requestedMessage") && (
              <Select
                label={t("bo.chargePoints.cmd.requestedMessage")}
                data={triggerableMessages}
                {...form.getInputProps("requestedMessage")}
              />
            )}
          </Group>
          <Group>
            <Button type="submit" loading={send.isPending}>
              {t("bo.chargePoints.cmd.send")}
            </Button>
            {send.isPending && <Text c="dimmed">{t("bo.chargePoints.cmd.sending")}</Text>}
          </Group>
        </Stack>
      </form>
      {send.isSuccess && (
        <Alert mt="md" color="teal" title={t("bo.chargePoints.cmd.answer")} role="status">
          <Code block data-testid="command-answer">
            {JSON.stringify(send.data.result, null, 2)}
          </Code>
        </Alert>
      )}
      {send.isError && (
        <Alert mt="md" color="red" title={t("bo.chargePoints.cmd.failed")} role="alert">
          {errorMessage(send.error, t)}
        </Alert>
      )}
    </Paper>
  );
}
