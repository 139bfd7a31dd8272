"use client";

import { useSyncExternalStore } from "react";

/** What the browser lets Backwatch do: notify, ask first, not notify (blocked), or it has no notifications. */
export type Permission = NotificationPermission | "unsupported";

const listeners = new Set<() => void>();

function current(): Permission {
  return typeof window !== "undefined" && "Notification" in window ? Notification.permission : "unsupported";
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The same answer in every row: one store, told when a prompt is answered. */
export function useNotificationPermission(): Permission {
  // The server has no Notification: "default" renders the same text on both sides until hydrated.
  return useSyncExternalStore(subscribe, current, () => "default");
}

/** Asks once, at the first Watch (a prompt must follow a click); later clicks keep the answer given. */
export async function askNotificationPermission(): Promise<Permission> {
  if (current() === "default") {
    await Notification.requestPermission().catch(() => undefined);
    for (const l of listeners) l();
  }
  return current();
}

/** Why this tab will not show a browser notification, in words for the row; null when it will. */
export function permissionNote(p: Permission): string | null {
  if (p === "denied") return "Browser notifications are blocked for this site: this page tells you instead.";
  if (p === "unsupported") return "This browser has no notifications: this page tells you instead.";
  return null;
}
