import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AttachInput } from "@voltlane/contracts";
import { api } from "../../lib/api-client";

const base = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/attachments`;

/** Attach and detach (R9: detaching sets validTo, never deletes); both refresh the tab and assets. */
function useAttachmentMutation<I>(run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all(
        ["customers", "charge-cards", "charge-points"].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

export const useAttach = (customerId: string) =>
  useAttachmentMutation((input: AttachInput) => api("POST", base(customerId), input));

export const useDetach = (customerId: string) =>
  useAttachmentMutation((attachmentId: string) =>
    api("DELETE", `${base(customerId)}/${encodeURIComponent(attachmentId)}`),
  );

/** Which roles each asset type may take (DOMAIN.md §3 Attachment). */
export const rolesByAsset = {
  charge_point: ["cp_receiver", "cp_subscription_payer"],
  charge_card: ["card_user", "card_payer"],
  charge_group: ["group_member"],
  grid: ["grid_viewer"],
} as const;
export type AttachableAsset = keyof typeof rolesByAsset;
