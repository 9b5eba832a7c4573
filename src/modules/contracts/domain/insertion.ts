/**
 * Social insertion follow-up: totals over the reported periods and the bars of the chart
 * (hours planned against hours done per period). Pure.
 */
export interface PeriodHours {
  period: string;
  hoursPlanned: number;
  hoursDone: number;
}

export function insertionSummary(reports: readonly PeriodHours[]): {
  planned: number;
  done: number;
  /** done / planned in percent, rounded; null when nothing was planned */
  rate: number | null;
} {
  const planned = reports.reduce((s, r) => s + r.hoursPlanned, 0);
  const done = reports.reduce((s, r) => s + r.hoursDone, 0);
  return { planned, done, rate: planned > 0 ? Math.round((done / planned) * 100) : null };
}

export interface Bar {
  period: string;
  x: number;
  plannedHeight: number;
  doneHeight: number;
}

/** Two bars per period, scaled to `height` on the largest figure. */
export function insertionBars(
  reports: readonly PeriodHours[],
  layout: { height: number; groupWidth: number; left: number },
): Bar[] {
  const max = Math.max(1, ...reports.flatMap((r) => [r.hoursPlanned, r.hoursDone]));
  return reports.map((r, i) => ({
    period: r.period,
    x: layout.left + i * layout.groupWidth,
    plannedHeight: Math.round((r.hoursPlanned / max) * layout.height),
    doneHeight: Math.round((r.hoursDone / max) * layout.height),
  }));
}
