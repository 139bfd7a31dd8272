"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies text (or the current URL) and says so in a live region. */
export function CopyButton({
  text,
  label,
  doneLabel = "Copied",
}: {
  text?: string;
  label: string;
  doneLabel?: string;
}) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text ?? window.location.href);
    setDone(true);
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <Button size="sm" onClick={() => void copy()}>
      {label}
      <span aria-live="polite" className={done ? "" : "sr-only"}>
        {done ? ` · ${doneLabel}` : ""}
      </span>
    </Button>
  );
}
