import type { PageContext } from '../../../web/context.js';
import { type MessageKey, translatorFor } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { apiScopes, scopeMessages } from '../domain/scopes.js';
import { apiTokensMessages } from '../messages.js';

/** The few parts of an OpenAPI 3.1 document the page reads. */
interface SchemaObject {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: SchemaObject[];
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
}

interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: ParameterObject[];
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths?: Record<string, Record<string, OperationObject>>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
  op: OperationObject;
  anchor: string;
}

/** Operations grouped by their first tag, in the document's order. */
function operationsByTag(document: OpenApiDocument): [string, Operation[]][] {
  const groups = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      const anchor = `op-${op.operationId ?? `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-')}`;
      const list = groups.get(tag) ?? [];
      list.push({ method: method.toUpperCase(), path, op, anchor });
      groups.set(tag, list);
    }
  }
  return [...groups];
}

/** The French label from the catalogue when there is one, otherwise the document's English text. */
function label(ctx: PageContext, key: string, fallback: string | undefined): string {
  return key in apiTokensMessages ? ctx.t(key as MessageKey) : (fallback ?? '');
}

function typeOf(ctx: PageContext, schema: SchemaObject | undefined): string {
  if (!schema) return '';
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(ctx, s)).join(' | ');
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
  const details: string[] = [];
  if (schema.format) details.push(schema.format);
  if (schema.enum) details.push(schema.enum.map(String).join(', '));
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    details.push(`${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`);
  }
  if (schema.default !== undefined) details.push(ctx.t('apiTokens.docs.default', { value: String(schema.default) }));
  return details.length ? `${base} (${details.join(' ; ')})` : base;
}

function requiredScopes(op: OperationObject): string[] {
  return (op.security ?? []).flatMap((requirement) => Object.values(requirement).flat());
}

function OperationSection({ ctx, operation }: { ctx: PageContext; operation: Operation }) {
  const { t } = ctx;
  const { method, path, op, anchor } = operation;
  const name = `${method} ${path}`;
  const scopes = requiredScopes(op);
  const parameters = op.parameters ?? [];
  return (
    <section aria-labelledby={anchor} class="api-operation">
      <h3 id={anchor}>
        <code>{name}</code>
      </h3>
      <p>{label(ctx, `apiTokens.docs.op.${op.operationId}`, op.summary)}</p>
      <dl class="facts">
        <dt>{t('apiTokens.docs.operation.scope')}</dt>
        <dd>
          {scopes.length
            ? scopes.map((s, i) => (
                <span key={s}>
                  {i > 0 ? ', ' : null}
                  <code>{s}</code>
                </span>
              ))
            : t('apiTokens.docs.operation.noScope')}
        </dd>
      </dl>
      {parameters.length === 0 ? (
        <p>{t('apiTokens.docs.parameters.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('apiTokens.docs.parameters.caption', { operation: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('apiTokens.docs.parameters.name')}</th>
                <th scope="col">{t('apiTokens.docs.parameters.in')}</th>
                <th scope="col">{t('apiTokens.docs.parameters.type')}</th>
                <th scope="col">{t('apiTokens.docs.parameters.required')}</th>
                <th scope="col">{t('apiTokens.docs.parameters.description')}</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <th scope="row">
                    <code>{p.name}</code>
                  </th>
                  <td>{label(ctx, `apiTokens.docs.in.${p.in}`, p.in)}</td>
                  <td>{typeOf(ctx, p.schema)}</td>
                  <td>{p.required ? t('apiTokens.docs.yes') : t('apiTokens.docs.no')}</td>
                  <td>{label(ctx, `apiTokens.docs.param.${p.name}`, p.description ?? p.schema?.description)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="table-scroll">
        <table>
          <caption>{t('apiTokens.docs.responses.caption', { operation: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apiTokens.docs.responses.code')}</th>
              <th scope="col">{t('apiTokens.docs.responses.description')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(op.responses ?? {}).map(([code, response]) => (
              <tr key={code}>
                <th scope="row">{code}</th>
                <td>{label(ctx, `apiTokens.docs.response.${code}`, response.description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ApiDocsPage({
  ctx,
  document,
  baseUrl,
}: {
  ctx: PageContext;
  document: OpenApiDocument;
  baseUrl: string;
}) {
  const { t } = ctx;
  const groups = operationsByTag(document);
  const en = translatorFor('en');
  // The example is what the server really sends (see sendError in src/app/server.ts).
  const problemExample = JSON.stringify(
    {
      type: 'https://halle.localhost/problems/forbidden',
      title: en('error.forbidden'),
      status: 403,
      code: 'forbidden',
      detail: en('apiTokens.api.scope_missing.members_read'),
    },
    null,
    2,
  );
  const curl = `curl -H "Authorization: Bearer halle_XXXXXXXX_…" ${baseUrl}/api/v1/organisation`;
  return (
    <Layout ctx={ctx} title={t('apiTokens.docs.title')} wide>
      <h1>{t('apiTokens.docs.title')}</h1>
      <p>
        {t('apiTokens.docs.intro', { base: baseUrl })}{' '}
        <a href="/api/openapi.json" type="application/json">
          {t('apiTokens.docs.openapiLink')}
        </a>
        .
      </p>
      <nav aria-labelledby="sommaire">
        <h2 id="sommaire">{t('apiTokens.docs.toc')}</h2>
        <ul>
          <li>
            <a href="#authentification">{t('apiTokens.docs.auth.title')}</a>
          </li>
          <li>
            <a href="#droits">{t('apiTokens.docs.scopes.title')}</a>
          </li>
          <li>
            <a href="#erreurs">{t('apiTokens.docs.errors.title')}</a>
          </li>
          <li>
            <a href="#pagination">{t('apiTokens.docs.pagination.title')}</a>
          </li>
          {groups.map(([tag, ops]) => (
            <li key={tag}>
              <a href={`#tag-${tag}`}>{label(ctx, `apiTokens.docs.tag.${tag}`, tag)}</a>
              <ul>
                {ops.map((o) => (
                  <li key={o.anchor}>
                    <a href={`#${o.anchor}`}>
                      <code>{`${o.method} ${o.path}`}</code>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="authentification">{t('apiTokens.docs.auth.title')}</h2>
      <p>{t('apiTokens.docs.auth.text')}</p>
      <p>{t('apiTokens.docs.auth.example')}</p>
      <pre class="mail">
        <code>{curl}</code>
      </pre>
      <p>{t('apiTokens.docs.auth.rules')}</p>

      <h2 id="droits">{t('apiTokens.docs.scopes.title')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t('apiTokens.docs.scopes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apiTokens.docs.scopes.scope')}</th>
              <th scope="col">{t('apiTokens.docs.scopes.description')}</th>
            </tr>
          </thead>
          <tbody>
            {apiScopes.map((scope) => (
              <tr key={scope}>
                <th scope="row">
                  <code>{scope}</code>
                </th>
                <td>{t(scopeMessages[scope].description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="erreurs">{t('apiTokens.docs.errors.title')}</h2>
      <p>{t('apiTokens.docs.errors.text')}</p>
      <pre class="mail">
        <code>{problemExample}</code>
      </pre>

      <h2 id="pagination">{t('apiTokens.docs.pagination.title')}</h2>
      <p>{t('apiTokens.docs.pagination.text')}</p>

      {groups.map(([tag, ops]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{label(ctx, `apiTokens.docs.tag.${tag}`, tag)}</h2>
          {ops.map((o) => (
            <OperationSection key={o.anchor} ctx={ctx} operation={o} />
          ))}
        </section>
      ))}
    </Layout>
  );
}
