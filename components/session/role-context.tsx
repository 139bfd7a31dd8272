"use client";

import { createContext, useContext, type ReactNode } from "react";

export type Role = "viewer" | "operator";

export interface Viewer {
  name: string;
  role: Role;
}

const ViewerContext = createContext<Viewer>({ name: "", role: "viewer" });

/** The signed-in user, decided on the server; the default is the least privileged role. */
export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}
