import { renderToString } from 'preact-render-to-string';

/**
 * The HTML body of the "new message" notice: a few paragraphs and the link, with the link also
 * written out. On purpose nothing of the message but its subject: the content stays on the platform.
 */
export function renderMessageMail(mail: {
  lang: string;
  title: string;
  paragraphs: string[];
  action: { label: string; href: string };
}): string {
  return `<!doctype html>${renderToString(
    <html lang={mail.lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{mail.title}</title>
      </head>
      <body>
        {mail.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          <a href={mail.action.href}>
            <strong>{mail.action.label}</strong>
          </a>
        </p>
        <p>{mail.action.href}</p>
      </body>
    </html>,
  )}`;
}
