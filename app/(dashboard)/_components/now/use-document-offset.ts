"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * How far below the top of the document an element starts: a window virtualiser's scrollMargin.
 * Measured again whenever the page's size changes (data above it arrives, a wider window), which
 * is when it can move.
 */
export function useDocumentOffset(ref: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // A ResizeObserver also calls back once as soon as it observes: that is the first measurement.
    const observer = new ResizeObserver(() =>
      setOffset(Math.round(element.getBoundingClientRect().top + window.scrollY)),
    );
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return offset;
}
