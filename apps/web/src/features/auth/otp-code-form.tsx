import { Button, Group, PinInput, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  description?: string;
  submitLabel: string;
  loading?: boolean;
  onSubmit: (otp: string) => void;
}

/** Six digits from the authenticator app; submits on completion or with the button. */
export function OtpCodeForm({ description, submitLabel, loading, onSubmit }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (code.length === 6) onSubmit(code);
      }}
    >
      <Stack>
        {description && <Text size="sm">{description}</Text>}
        <Group justify="center">
          <PinInput
            length={6}
            type="number"
            oneTimeCode
            autoFocus
            ariaLabel={t("auth.otpCode")}
            value={code}
            onChange={setCode}
            onComplete={onSubmit}
          />
        </Group>
        <Button type="submit" loading={loading} disabled={code.length !== 6}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
