import { Form } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';

/**
 * "Ajouter à mon panier" / "Retirer de mon panier", for notice pages and search results. A plain
 * form (works without JavaScript) that comes back to the page it was on (`suite`).
 */
export function WatchButton({
  ctx,
  reference,
  watched,
  back,
  title,
}: {
  ctx: PageContext;
  reference: string;
  watched: boolean;
  /** where to come back after the change; defaults to the current page */
  back?: string;
  /** the tender's title, read out with the button where several buttons share a page (search results) */
  title?: string;
}) {
  const action = `/panier/${encodeURIComponent(reference)}/${watched ? 'retirer' : 'ajouter'}`;
  return (
    <Form ctx={ctx} action={action} class="inline-form">
      <input type="hidden" name="suite" value={back ?? ctx.path} />
      {watched ? <p class="muted">{ctx.t('watchlist.button.watched')}</p> : null}
      <button type="submit" class={watched ? 'button-secondary' : undefined}>
        {ctx.t(watched ? 'watchlist.button.remove' : 'watchlist.button.add')}
        {title ? <span class="visually-hidden"> : {title}</span> : null}
      </button>
    </Form>
  );
}
