import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { parseForm } from '../../../web/forms.js';
import { requireSession } from '../../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../../web/render.js';
import { answerLength, canAnswerNow, questionLength } from '../domain/clarifications.js';
import { canManageTender, canReadTender } from '../policies.js';
import { answerQuestion } from './answerQuestion.js';
import { askQuestion, QuestionsClosed } from './askQuestion.js';
import { renderRegisterSlots } from './registerSlots.js';
import { type RegisterKind, registerCsv, registerXlsx } from './registers.js';
import {
  anonymousRetrievalCounts,
  type ClarificationTender,
  countIdentifiedRetrievals,
  findTenderByReference,
  identifiedRetrievals,
  listQuestionsForBuyer,
} from './repo.js';
import { loadClarificationsSection, sentQuestionParam } from './section.js';
import { AskQuestionPage } from './views/AskQuestionPage.js';
import { answerFieldName, BuyerQuestionsPage } from './views/BuyerQuestionsPage.js';
import { RegistersPage } from './views/RegistersPage.js';

const questionForm = z.object({
  question: z
    .string('clarifications.question.required')
    .trim()
    .min(1, 'clarifications.question.required')
    .min(questionLength.min, 'clarifications.question.too_short')
    .max(questionLength.max, 'clarifications.question.too_long'),
});

const answerText = z
  .string('clarifications.answer.required')
  .trim()
  .min(answerLength.min, 'clarifications.answer.required')
  .max(answerLength.max, 'clarifications.answer.too_long');

/** How many identified downloads the register page lists; the exports hold them all. */
const registerPageSize = 500;

function referenceOf(req: FastifyRequest): string {
  const reference = (req.params as { reference?: unknown }).reference;
  // a reference is short and plain (2026-0042); anything else cannot exist
  if (typeof reference !== 'string' || !/^[A-Za-z0-9-]{1,40}$/.test(reference)) throw new AppError('not_found');
  return reference;
}

function textOf(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 20000) : '';
}

export async function clarificationsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };

  /** A tender any visitor may read (a draft is 404 except for its buyer). */
  async function readableTender(req: FastifyRequest): Promise<ClarificationTender> {
    const tender = await findTenderByReference(rt.db, referenceOf(req));
    if (!tender || !canReadTender(req.principal, tender)) throw new AppError('not_found');
    return tender;
  }

  /** A tender the signed-in person manages; for anybody else it does not exist (404, not 403). */
  async function managedTender(req: FastifyRequest): Promise<ClarificationTender> {
    const principal = requireSession(req);
    const tender = await findTenderByReference(rt.db, referenceOf(req));
    if (!tender || !canManageTender(principal, tender)) throw new AppError('not_found');
    return tender;
  }

  async function questionsPage(
    req: FastifyRequest,
    tender: ClarificationTender,
    formState: Parameters<typeof loadClarificationsSection>[4] = {},
  ) {
    const data = await loadClarificationsSection(rt.db, tender, req.principal, req.query, formState);
    return <AskQuestionPage ctx={pageContext(req)} title={tender.title} data={data} />;
  }

  app.get('/consultations/:reference/questions', hidden, async (req, reply) => {
    const tender = await readableTender(req);
    return sendPage(reply, await questionsPage(req, tender));
  });

  app.post(
    '/consultations/:reference/questions',
    { ...hidden, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const principal = requireSession(req);
      const tender = await readableTender(req);
      const form = parseForm(questionForm, req.body);
      const values = { question: textOf(req.body, 'question') };
      if (!form.ok) {
        return sendPage(reply, await questionsPage(req, tender, { errors: form.errors, values }), 400);
      }
      try {
        const { number } = await askQuestion(rt, principal, tender, { question: form.data.question, ip: req.ip });
        return seeOther(
          reply,
          `/consultations/${encodeURIComponent(tender.reference)}?${sentQuestionParam}=${number}#questions`,
        );
      } catch (error) {
        if (error instanceof QuestionsClosed) {
          return sendPage(reply, await questionsPage(req, tender, { refused: true, values }), 409);
        }
        throw error;
      }
    },
  );

  app.get('/mon-espace/consultations/:reference/questions', hidden, async (req, reply) => {
    const tender = await managedTender(req);
    const query = req.query as Record<string, unknown>;
    const published = Number(query.publiee);
    const sent = Number(query.envois);
    const notice =
      Number.isInteger(published) && published >= 1
        ? req.t('clarifications.buyer.published', { number: published, count: Number.isInteger(sent) ? sent : 0 })
        : undefined;
    return sendPage(
      reply,
      <BuyerQuestionsPage
        ctx={pageContext(req)}
        tender={tender}
        questions={await listQuestionsForBuyer(rt.db, tender.id)}
        canAnswer={canAnswerNow(tender.status)}
        notice={notice}
      />,
    );
  });

  app.post('/mon-espace/consultations/:reference/questions/:number/reponse', hidden, async (req, reply) => {
    const tender = await managedTender(req);
    const number = Number((req.params as { number?: unknown }).number);
    if (!Number.isInteger(number) || number < 1 || number > 1_000_000) throw new AppError('not_found');
    const field = answerFieldName(number);
    const typed = textOf(req.body, field);
    const parsed = answerText.safeParse(typed);
    const failedPage = async (message: string, status: number) =>
      sendPage(
        reply,
        <BuyerQuestionsPage
          ctx={pageContext(req)}
          tender={tender}
          questions={await listQuestionsForBuyer(rt.db, tender.id)}
          canAnswer={canAnswerNow(tender.status)}
          failed={{ number, errors: [{ field, message }], value: typed }}
        />,
        status,
      );
    if (!parsed.success) return failedPage(parsed.error.issues[0]?.message ?? 'clarifications.answer.required', 400);
    try {
      const { mailed } = await answerQuestion(rt, req.principal, tender, { number, answer: parsed.data, ip: req.ip });
      return seeOther(
        reply,
        `/mon-espace/consultations/${encodeURIComponent(tender.reference)}/questions?publiee=${number}&envois=${mailed}#question-${number}`,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict' && error.messageKey) {
        return failedPage(error.messageKey, 409);
      }
      throw error;
    }
  });

  app.get('/mon-espace/consultations/:reference/registres', hidden, async (req, reply) => {
    const tender = await managedTender(req);
    const [retrievals, total, anonymous, questions] = [
      await identifiedRetrievals(rt.db, tender.id, { limit: registerPageSize }),
      await countIdentifiedRetrievals(rt.db, tender.id),
      await anonymousRetrievalCounts(rt.db, tender.id),
      await listQuestionsForBuyer(rt.db, tender.id),
    ];
    return sendPage(
      reply,
      <RegistersPage
        ctx={pageContext(req)}
        tender={tender}
        retrievals={retrievals}
        totalRetrievals={total}
        anonymous={anonymous}
        questions={questions}
        slots={await renderRegisterSlots(rt.db, pageContext(req), tender)}
      />,
    );
  });

  for (const kind of ['retraits', 'questions'] as const satisfies readonly RegisterKind[]) {
    app.get(`/mon-espace/consultations/:reference/registres/${kind}.csv`, hidden, async (req, reply) => {
      const tender = await managedTender(req);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${kind}-${tender.reference}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(registerCsv(kind, rt.db, tender.id, req.t)));
    });
    app.get(`/mon-espace/consultations/:reference/registres/${kind}.xlsx`, hidden, async (req, reply) => {
      const tender = await managedTender(req);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${kind}-${tender.reference}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(registerXlsx(kind, rt.db, tender.id, req.t));
    });
  }
}
