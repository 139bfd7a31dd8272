"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { ApiError, api } from "@/lib/api-client";
import { OBJECT_ID } from "@/lib/view-state/contract-constants";

type State =
  | { kind: "idle" }
  | { kind: "busy"; id: string }
  | { kind: "found"; id: string }
  | { kind: "problem"; message: string };

/** What a DBA pastes: an id from a log, an alert or Atlas's UI, maybe quoted or in capitals. */
const normalise = (text: string) =>
  text
    .trim()
    .replace(/^["'`]|["'`]$/g, "")
    .toLowerCase();

function problemOf(id: string, error: unknown): string {
  if (error instanceof ApiError) {
    // The route says how much of the estate it searched (and whether lists are still unread).
    if (error.status === 404) return `${error.envelope.message}.`;
    if (error.status === 400) return `“${id}” is not a job id: a job id is 24 hexadecimal characters.`;
    return `Could not look up ${id}: ${error.envelope.code}${error.status ? ` (HTTP ${error.status})` : ""} · ${error.envelope.message}`;
  }
  return `Could not look up ${id}: ${error instanceof Error ? error.message : "unknown error"}`;
}

/**
 * Find a job by id: a pasted (or typed and submitted) restore, export or tenant restore id opens it
 * on its cluster page, wherever it is in the estate. Anything else gets a sentence here, never an
 * error screen.
 */
export function FindJob() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const pending = useRef<AbortController | null>(null);
  const messageId = useId();

  const find = async (raw: string) => {
    const id = normalise(raw);
    if (!id) return setState({ kind: "problem", message: "Paste or type a job id first." });
    if (!OBJECT_ID.test(id))
      return setState({
        kind: "problem",
        message: `“${raw.trim().slice(0, 60)}” is not a job id: a job id is 24 hexadecimal characters (0–9, a–f).`,
      });
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ kind: "busy", id });
    try {
      const found = await api.findJob(id, controller.signal);
      setState({ kind: "found", id });
      router.push(found.href);
    } catch (error) {
      if (!controller.signal.aborted) setState({ kind: "problem", message: problemOf(id, error) });
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void find(text);
  };
  const message =
    state.kind === "busy"
      ? `Looking for ${state.id}…`
      : state.kind === "found"
        ? `Found ${state.id}: opening it on its cluster page…`
        : state.kind === "problem"
          ? state.message
          : "";

  return (
    <form role="search" aria-label="Find a job by id" onSubmit={onSubmit} className="flex flex-col gap-1">
      <div className="flex items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          Find a job by id
          <input
            type="search"
            value={text}
            spellCheck={false}
            autoComplete="off"
            placeholder="Restore, export or tenant restore id"
            aria-describedby={messageId}
            aria-invalid={state.kind === "problem" || undefined}
            onChange={(e) => {
              setText(e.target.value);
              if (state.kind === "problem") setState({ kind: "idle" });
            }}
            // A paste is the usual way in: look it up at once, as if submitted.
            onPaste={(e) => {
              const pasted = e.clipboardData.getData("text");
              if (!pasted) return;
              e.preventDefault();
              setText(pasted.trim());
              void find(pasted);
            }}
            className={`w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono font-normal text-zinc-900 placeholder:font-sans placeholder:text-zinc-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 ${focusRing}`}
          />
        </label>
        <Button type="submit" disabled={state.kind === "busy"}>
          Find
        </Button>
      </div>
      <p
        id={messageId}
        role="status"
        className={
          state.kind === "problem"
            ? "text-sm text-red-800 dark:text-red-300"
            : "text-sm text-zinc-700 dark:text-zinc-300"
        }
      >
        {message}
      </p>
    </form>
  );
}
