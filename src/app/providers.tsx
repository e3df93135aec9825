import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { TLang } from "@/i18n/catalog";
import { I18nProvider } from "@/i18n/i18n";
import { createQueryClient } from "@/lib/query-client";

export const AppProviders = ({
  children,
  queryClient,
  lang,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  lang?: TLang;
}) => {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider initialLang={lang}>{children}</I18nProvider>
    </QueryClientProvider>
  );
};
