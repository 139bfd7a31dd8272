"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { watchKeys, watchesOptions } from "@/lib/query/watches";
import type { NotifiedBody, Watch, WatchList, WatchTarget } from "@/lib/watches/dto";
import { watchMember } from "@/lib/watches/state";

/** The signed-in user's watches and the writes that change them; every answer is the whole new list. */
export function useWatches() {
  const client = useQueryClient();
  const query = useQuery(watchesOptions());
  const settle = (list: WatchList) => client.setQueryData(watchKeys.list(), list);
  const watch = useMutation({ mutationFn: (t: WatchTarget) => api.watch(t), onSuccess: settle });
  const unwatch = useMutation({ mutationFn: (t: WatchTarget) => api.unwatch(t), onSuccess: settle });
  const notified = useMutation({ mutationFn: (b: NotifiedBody) => api.notified(b), onSuccess: settle });
  return { query, watch, unwatch, notified };
}

/** This job's watch, if the user has one. */
export function useWatchOf(target: WatchTarget): Watch | undefined {
  const member = watchMember(target);
  const { data } = useQuery({
    ...watchesOptions(),
    select: (list) => list.items.find((w) => watchMember(w) === member),
  });
  return data;
}
