import type { TenderStatus } from '../../../platform/db/schema.js';
import { formatParisDateTime } from '../../../platform/i18n/paris-time.js';
import type { PageContext } from '../../../web/context.js';

/**
 * The status chip and the deadline with its countdown, as the notice page shows them (same catalogue
 * keys of the tenders module, so both pages always say the same thing).
 */
const chipKind: Partial<Record<TenderStatus, string>> = {
  published: 'chip chip-success',
  cancelled: 'chip chip-danger',
  unsuccessful: 'chip chip-danger',
};

export function StatusChip({ ctx, status }: { ctx: PageContext; status: TenderStatus }) {
  return <span class={chipKind[status] ?? 'chip'}>{ctx.t(`publication.status.${status}`)}</span>;
}

function countdown(ctx: PageContext, deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return ctx.t('publication.countdown.over');
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return ctx.t('publication.countdown.days', { days, hours });
  if (hours > 0) return ctx.t('publication.countdown.hours', { hours, minutes: minutes % 60 });
  return ctx.t('publication.countdown.minutes', { minutes: Math.max(minutes, 1) });
}

export function Deadline({ ctx, value, now }: { ctx: PageContext; value: Date | null; now: Date }) {
  if (!value) return <span class="muted">{ctx.t('publication.value.none')}</span>;
  return (
    <>
      <time dateTime={value.toISOString()}>{formatParisDateTime(value, ctx.locale)}</time>
      {' — '}
      <span class="muted">{countdown(ctx, value, now)}</span>
    </>
  );
}
