"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { ViewerProvider, type Viewer } from "@/components/session/role-context";
import { getQueryClient } from "@/lib/query/query-client";

export function Providers({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <ViewerProvider viewer={viewer}>{children}</ViewerProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
