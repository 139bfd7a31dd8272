export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "backwatch-theme";

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The class on <html>: none for "system", so the CSS falls back to prefers-color-scheme. */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
