import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { formValues } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { createPlatformAdmin, platformAdminInput, validationError } from './createPlatformAdmin.js';
import { isSetupLinkValid } from './setupLink.js';
import { InstallationDonePage, InstallationPage } from './views/InstallationPage.js';

/** The token from the path; an absurd one is simply invalid (isSetupLinkValid checks its length). */
function tokenOf(params: unknown): string {
  const token = (params as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : '';
}

export async function installationRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const options = { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } };
  const gone = () => new AppError('gone', { messageKey: 'installation.link.gone' });

  // Static before parametric: Fastify matches this path before `/installation/:token`.
  app.get('/installation/terminee', { schema: { hide: true } }, async (req, reply) =>
    sendPage(reply, <InstallationDonePage ctx={pageContext(req)} />),
  );

  app.get('/installation/:token', options, async (req, reply) => {
    const token = tokenOf(req.params);
    if (!(await isSetupLinkValid(rt.db, token))) throw gone();
    return sendPage(reply, <InstallationPage ctx={pageContext(req)} token={token} />);
  });

  app.post('/installation/:token', options, async (req, reply) => {
    const token = tokenOf(req.params);
    if (!(await isSetupLinkValid(rt.db, token))) throw gone();
    // Every problem at once: the use case's rules (name, address, password strength) and the copy.
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof body[key] === 'string' ? body[key] : '');
    const input = { name: text('name'), email: text('email'), password: text('password') };
    const errors: FieldError[] = [];
    const checked = platformAdminInput.safeParse(input);
    if (!checked.success) errors.push(...validationError(checked.error).fields);
    if (input.password !== '' && input.password !== text('passwordConfirmation')) {
      errors.push({ field: 'passwordConfirmation', message: 'installation.password.mismatch' });
    }
    if (errors.length > 0) {
      return sendPage(
        reply,
        <InstallationPage ctx={pageContext(req)} token={token} errors={errors} values={formValues(req.body)} />,
        400,
      );
    }
    try {
      await createPlatformAdmin(rt, { type: 'anonymous', ip: req.ip }, input, { setupToken: token });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'gone') throw error;
      return sendPage(
        reply,
        <InstallationPage
          ctx={pageContext(req)}
          token={token}
          errors={error.fields.length ? error.fields : [{ field: '_form', message: `error.${error.code}` }]}
          values={formValues(req.body)}
        />,
        error.status,
      );
    }
    return seeOther(reply, '/installation/terminee');
  });
}
