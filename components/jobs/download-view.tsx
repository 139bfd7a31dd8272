"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import type { Job } from "@/lib/jobs/dto";
import { jobsToCsv } from "./job-fields";

function save(content: string, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads exactly what is on screen (this page, these filters), built in the browser. */
export const DownloadView = memo(function DownloadView({ jobs, basename }: { jobs: Job[]; basename: string }) {
  return (
    <div className="flex gap-2">
      <Button
        size="sm"
        disabled={jobs.length === 0}
        onClick={() => save(jobsToCsv(jobs), "text/csv", `${basename}.csv`)}
      >
        Download CSV
      </Button>
      <Button
        size="sm"
        disabled={jobs.length === 0}
        onClick={() => save(JSON.stringify(jobs, null, 2), "application/json", `${basename}.json`)}
      >
        Download JSON
      </Button>
    </div>
  );
});
