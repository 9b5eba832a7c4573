import { renderToString } from 'preact-render-to-string';

/**
 * The HTML body of a transactional mail: a few paragraphs and one call to action, with the link
 * also written out (some mail clients do not make links clickable). Plain HTML without styles: it reads well in
 * every client, and the outbox page can show it under the site's strict CSP.
 */
export function renderMailHtml({
  lang,
  title,
  paragraphs,
  action,
  fallback,
  footer,
}: {
  lang: string;
  title: string;
  paragraphs: string[];
  action?: { label: string; href: string };
  fallback?: string;
  footer?: string;
}): string {
  const body = (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
      </head>
      <body>
        {paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        {action ? (
          <>
            <p>
              <a href={action.href}>
                <strong>{action.label}</strong>
              </a>
            </p>
            {fallback ? <p>{fallback}</p> : null}
            <p>{action.href}</p>
          </>
        ) : null}
        {footer ? <p>{footer}</p> : null}
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(body)}`;
}
