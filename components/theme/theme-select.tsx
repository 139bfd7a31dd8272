"use client";

import { useState } from "react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { THEME_COOKIE, THEMES, type Theme } from "./theme";

/** Stores the choice in a cookie so the server renders the right class on the next request (no flash). */
export function ThemeSelect({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const change = (next: Theme) => {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (next !== "system") root.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <span>Theme</span>
      <select
        value={theme}
        onChange={(event) => change(event.target.value as Theme)}
        className={cn(
          "rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100",
          focusRing,
        )}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {t === "system" ? "System" : t === "light" ? "Light" : "Dark"}
          </option>
        ))}
      </select>
    </label>
  );
}
