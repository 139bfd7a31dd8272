"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { watchKeys, watchesOptions } from "@/lib/query/watches";
import type { NotifiedBody, WatchList } from "@/lib/watches/dto";

/** For the notifier: the user's watches, and recording an outcome as shown (the answer is the whole new list). */
export function useWatches() {
  const client = useQueryClient();
  const query = useQuery(watchesOptions());
  const settle = (list: WatchList) => client.setQueryData(watchKeys.list(), list);
  const notified = useMutation({ mutationFn: (b: NotifiedBody) => api.notified(b), onSuccess: settle });
  return { query, notified };
}
