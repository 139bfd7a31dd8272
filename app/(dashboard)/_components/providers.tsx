"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useEffect, type ReactNode } from "react";
import { ViewerProvider, type Viewer } from "@/components/session/role-context";
import { WatchNotifier } from "@/components/watches/watch-notifier";
import { WatchesProvider } from "@/components/watches/watches-context";
import { preloadSchemas } from "@/lib/api-client";
import { getQueryClient } from "@/lib/query/query-client";

export function Providers({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const queryClient = getQueryClient();
  useEffect(preloadSchemas, []);
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <ViewerProvider viewer={viewer}>
          <WatchesProvider>
            {children}
            <WatchNotifier />
          </WatchesProvider>
        </ViewerProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
