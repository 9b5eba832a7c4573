import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.js';
import { safeNextPath } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { HomePage, TextPage } from './views/pages.js';

const localeForm = z.object({ locale: z.enum(['fr', 'en']), back: z.string().max(500).optional() });

export async function siteRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };

  app.get('/', hidden, async (req, reply) => {
    const rows = await rt.db
      .selectFrom('organisations')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
    return sendPage(
      reply,
      <HomePage ctx={pageContext(req)} figures={{ buyers: count('buyer'), companies: count('company') }} />,
    );
  });

  app.get('/mentions-legales', hidden, async (req, reply) =>
    sendPage(reply, <TextPage ctx={pageContext(req)} title="legal.title" paragraphs={['legal.body', 'legal.host']} />),
  );
  app.get('/accessibilite', hidden, async (req, reply) =>
    sendPage(
      reply,
      <TextPage
        ctx={pageContext(req)}
        title="accessibility.title"
        paragraphs={['accessibility.body', 'accessibility.contact']}
      />,
    ),
  );
  app.get('/conditions-utilisation', hidden, async (req, reply) =>
    sendPage(
      reply,
      <TextPage
        ctx={pageContext(req)}
        title="terms.title"
        paragraphs={[
          'terms.object',
          'terms.access',
          'terms.accounts',
          'terms.deposits',
          'terms.availability',
          'terms.data',
        ]}
      />,
    ),
  );
  app.get('/donnees-personnelles', hidden, async (req, reply) =>
    sendPage(reply, <TextPage ctx={pageContext(req)} title="privacy.title" paragraphs={['privacy.body']} />),
  );

  // The language switch is a form (it changes state: a cookie), so it carries a CSRF token.
  app.post('/langue', hidden, async (req, reply) => {
    const parsed = localeForm.safeParse(req.body);
    const locale = parsed.success ? parsed.data.locale : 'fr';
    reply.setCookie('halle_lang', locale, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: rt.config.secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    return seeOther(reply, safeNextPath(parsed.success ? parsed.data.back : '/'));
  });
}
