import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../../lib/error-message";

interface ActionOptions<TInput, TResult> {
  run: (input: TInput) => Promise<TResult>;
  /** Lists and details to refresh afterwards. */
  invalidate: QueryKey[];
  /** i18n key of the success message. */
  success?: string;
  /** Shows an error where it belongs (e.g. under form fields); true = handled, no notification. */
  handleError?: (error: unknown) => boolean;
  onSuccess?: (result: TResult) => void;
}

/** A mutation that refreshes the given queries and tells the user how it went. */
export function useAction<TInput = void, TResult = unknown>(options: ActionOptions<TInput, TResult>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.run,
    onSuccess: async (result) => {
      await Promise.all(options.invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      if (options.success) notifySuccess(t(options.success));
      options.onSuccess?.(result);
    },
    onError: (error) => {
      if (!options.handleError?.(error)) notifyError(error, t);
    },
  });
}
