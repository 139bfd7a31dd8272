export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Backwatch</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Every MongoDB Atlas cloud-backup job that matters, at a glance.
      </p>
    </main>
  );
}
