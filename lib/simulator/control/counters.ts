// Request counters for the Atlas surface: byRoute["GET /api/atlas/v2/..."]["200"] = n.
export class Counters {
  private total = 0;
  private byRoute: Record<string, Record<string, number>> = {};

  record(method: string, pathname: string, status: number | "dropped"): void {
    this.total += 1;
    const key = `${method} ${pathname}`;
    const route = (this.byRoute[key] ??= {});
    route[String(status)] = (route[String(status)] ?? 0) + 1;
  }

  snapshot() {
    return { total: this.total, byRoute: structuredClone(this.byRoute) };
  }

  reset(): void {
    this.total = 0;
    this.byRoute = {};
  }
}
