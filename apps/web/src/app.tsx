import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { createAppQueryClient } from "./lib/query-client";
import { createAppRouter } from "./routes/router";

const theme = createTheme({ primaryColor: "teal", defaultRadius: "md" });

const queryClient = createAppQueryClient(() => {
  void router.navigate({ to: "/login", search: { redirect: router.state.location.href } });
});
const router = createAppRouter(queryClient);

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
