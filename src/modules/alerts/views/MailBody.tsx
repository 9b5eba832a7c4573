import { renderToString } from 'preact-render-to-string';

/** A plain HTML mail: a title, facts as a list, one link, and a footer line. Inline styles only. */
export function renderAlertMail(mail: {
  lang: string;
  title: string;
  intro: string;
  items: { title: string; href: string; facts: string[] }[];
  footer: string[];
}): string {
  return `<!doctype html>${renderToString(
    <html lang={mail.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{mail.title}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; color: #1b1b1b; max-width: 40rem">
        <h1 style="font-size: 1.25rem">{mail.title}</h1>
        <p>{mail.intro}</p>
        {mail.items.map((item) => (
          <div key={item.href} style="border-left: 4px solid #1d4ed8; padding-left: 0.75rem; margin: 1rem 0">
            <p style="font-weight: bold; margin: 0">
              <a href={item.href}>{item.title}</a>
            </p>
            <ul style="margin: 0.25rem 0; padding-left: 1.25rem">
              {item.facts.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        ))}
        {mail.footer.map((line) => (
          <p key={line} style="color: #555; font-size: 0.875rem">
            {line}
          </p>
        ))}
      </body>
    </html>,
  )}`;
}
