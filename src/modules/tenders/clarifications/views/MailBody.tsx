import { renderToString } from 'preact-render-to-string';

/** A block of a mail: a paragraph, or quoted text typed by someone (line breaks kept). */
export type MailBlock = { text: string } | { quote: string };

/**
 * The HTML body of the mails of questions and answers: plain HTML without styles (every mail
 * client reads it, the outbox page shows it under the strict CSP). Text typed by companies and
 * buyers is escaped by Preact, never interpreted.
 */
export function renderClarificationMail({
  lang,
  title,
  blocks,
  action,
  fallback,
}: {
  lang: string;
  title: string;
  blocks: MailBlock[];
  action: { label: string; href: string };
  fallback: string;
}): string {
  const body = (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
      </head>
      <body>
        {blocks.map((b, i) =>
          'text' in b ? (
            <p key={i}>{b.text}</p>
          ) : (
            <blockquote key={i}>
              {b.quote.split(/\r?\n/).map((line, j) => (
                <span key={j}>
                  {j > 0 ? <br /> : null}
                  {line}
                </span>
              ))}
            </blockquote>
          ),
        )}
        <p>
          <a href={action.href}>
            <strong>{action.label}</strong>
          </a>
        </p>
        <p>{fallback}</p>
        <p>{action.href}</p>
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(body)}`;
}
