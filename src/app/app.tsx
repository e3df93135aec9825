import { RouterProvider } from "react-router";
import { createQueryClient } from "@/lib/query-client";
import { seedSession } from "./boot";
import { AppProviders } from "./providers";
import { createAppRouter } from "./router";

// One client for the components and the route loaders, which fill it before a page renders.
const queryClient = createQueryClient();
seedSession(queryClient);
const router = createAppRouter(queryClient);

export const App = () => (
  <AppProviders queryClient={queryClient}>
    <RouterProvider router={router} />
  </AppProviders>
);
