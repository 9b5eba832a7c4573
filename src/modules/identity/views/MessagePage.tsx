import { Notice } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

/** A page that only tells the outcome of a link (address confirmed, link expired…) and where to go next. */
export function MessagePage({
  ctx,
  title,
  message,
  kind,
  links,
}: {
  ctx: PageContext;
  title: string;
  message: string;
  kind: 'success' | 'info' | 'error';
  links: { href: string; label: string }[];
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Notice kind={kind}>
        <p>{message}</p>
      </Notice>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
