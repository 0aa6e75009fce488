import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { isEmail, isNotEmpty, useForm } from "@mantine/form";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api-client";
import { errorMessage } from "../../lib/error-message";
import { useLogin } from "./auth.api";
import type { Me } from "./me.types";
import { OtpCodeForm } from "./otp-code-form";

/** E-mail and password; when the account has TOTP, a second step asks for the 6-digit code. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [step, setStep] = useState<"password" | "otp">("password");
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "", password: "" },
    validate: { email: isEmail(t("validation.email")), password: isNotEmpty(t("validation.required")) },
  });

  const submit = (otp?: string) => {
    setError(null);
    login.mutate(
      { ...form.getValues(), otp },
      {
        onSuccess: ({ user }) => onLoggedIn(user),
        onError: (failure) => {
          const code = failure instanceof ApiError ? failure.code : undefined;
          if (code === "otp_required") {
            if (step === "otp") setError(t("auth.otpIncorrect"));
            setStep("otp");
            return;
          }
          if (code === "invalid_credentials") setStep("password");
          setError(errorMessage(failure, t));
        },
      },
    );
  };

  if (step === "otp")
    return (
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <OtpCodeForm
          description={t("auth.otpPrompt")}
          submitLabel={t("auth.verify")}
          loading={login.isPending}
          onSubmit={submit}
        />
        <Anchor component="button" type="button" size="sm" onClick={() => setStep("password")}>
          {t("auth.back")}
        </Anchor>
      </Stack>
    );

  return (
    <form onSubmit={form.onSubmit(() => submit())} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={t("auth.password")}
          autoComplete="current-password"
          required
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={login.isPending}>
          {t("auth.login")}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t("auth.forgotPassword")}
        </Anchor>
      </Stack>
    </form>
  );
}
