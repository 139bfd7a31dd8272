"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { api } from "@/lib/api-client";
import { watchKeys, watchesOptions } from "@/lib/query/watches";
import type { Watch, WatchTarget } from "@/lib/watches/dto";
import { watchMember } from "@/lib/watches/state";
import { askNotificationPermission } from "./notification-permission";

interface WatchesState {
  byMember: ReadonlyMap<string, Watch>;
  pending: ReadonlySet<string>;
  errors: ReadonlyMap<string, string>;
  toggle(target: WatchTarget, on: boolean): void;
}

const WatchesContext = createContext<WatchesState | null>(null);

const without = <K,>(set: ReadonlySet<K>, key: K) => new Set([...set].filter((k) => k !== key));

/**
 * One answer of /api/watches and one toggle for every row on the page: the Now page can show
 * thousands of rows, and a query and a mutation observer per row would cost each of them.
 */
export function WatchesProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data } = useQuery(watchesOptions());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const byMember = useMemo(() => new Map((data?.items ?? []).map((w) => [watchMember(w), w])), [data]);

  const toggle = useCallback(
    (target: WatchTarget, on: boolean) => {
      const member = watchMember(target);
      setPending((p) => new Set(p).add(member));
      setErrors((e) => new Map([...e].filter(([k]) => k !== member)));
      // The first Watch asks for the notification permission: a prompt must follow a click.
      const write = on ? askNotificationPermission().then(() => api.watch(target)) : api.unwatch(target);
      write
        .then((list) => client.setQueryData(watchKeys.list(), list))
        .catch((error: Error) => setErrors((e) => new Map(e).set(member, error.message)))
        .finally(() => setPending((p) => without(p, member)));
    },
    [client],
  );

  const value = useMemo(() => ({ byMember, pending, errors, toggle }), [byMember, pending, errors, toggle]);
  return <WatchesContext.Provider value={value}>{children}</WatchesContext.Provider>;
}

/** One row's watch: its state, whether a toggle is on its way, the last toggle's error. */
export function useWatchOf(target: WatchTarget) {
  const ctx = useContext(WatchesContext);
  const member = watchMember(target);
  return {
    watch: ctx?.byMember.get(member),
    pending: ctx?.pending.has(member) ?? false,
    error: ctx?.errors.get(member),
    toggle: (on: boolean) => ctx?.toggle(target, on),
  };
}
