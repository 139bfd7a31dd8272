import { redirect } from "next/navigation";

// The dashboard starts at the project list; the dashboard layout handles sign-in.
export default function HomePage() {
  redirect("/projects");
}
