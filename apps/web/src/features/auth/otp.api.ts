import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client";
import { meQueryKey } from "./me.query";

export interface OtpEnrolment {
  secret: string;
  otpauthUrl: string;
}

export function useEnrolOtp() {
  return useMutation({
    mutationFn: () => api<OtpEnrolment>("POST", "/auth/otp/enroll"),
  });
}

/** Verifying or disabling changes `otpEnabled` / `otpEnrollmentRequired`, so Me is reloaded. */
export function useVerifyOtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (otp: string) => api<void>("POST", "/auth/otp/verify", { otp }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey, refetchType: "all" }),
  });
}

export function useDisableOtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (otp: string) => api<void>("POST", "/auth/otp/disable", { otp }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey, refetchType: "all" }),
  });
}
