import type { FieldError } from '../../../platform/errors.js';
import { csrfFieldName } from '../../../platform/http/csrf.js';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  fieldId,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { FormValues } from '../../../web/forms.js';
import type { MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { centsToInput } from '../../tenders/index.js';
import {
  ccags,
  environmentalConsiderations,
  executionModes,
  groupingTypes,
  natures,
  placeTypes,
  priceForms,
  priceTypes,
  priceVariations,
  procedures,
  socialConsiderations,
  techniques,
} from '../domain/decp.js';
import { canTransition, isRunning } from '../domain/lifecycle.js';
import type { Contract, DecpRecord, InsertionReport, Modification, Subcontract } from '../repo.js';
import {
  CheckboxGroup,
  day,
  euros,
  InsertionFollowUp,
  instant,
  ModificationsTable,
  SubcontractsTable,
} from './parts.js';

export type ContractForm = 'data' | 'document' | 'notify' | 'status' | 'modification' | 'subcontract' | 'insertion';

export interface ContractDetail {
  contract: Contract;
  modifications: Modification[];
  subcontracts: Subcontract[];
  insertion: InsertionReport[];
  decp: DecpRecord[];
}

function StatusChip({ ctx, contract }: { ctx: PageContext; contract: Contract }) {
  return <span class="chip">{ctx.t(`contracts.status.${contract.status}`)}</span>;
}

function currentAmount(detail: ContractDetail): number | null {
  const last = [...detail.modifications].reverse().find((m) => m.newAmountCents !== null);
  return last?.newAmountCents ?? detail.contract.amountCents;
}

function ContractsTable({
  ctx,
  contracts,
  caption,
  base,
  party,
}: {
  ctx: PageContext;
  contracts: Contract[];
  caption: string;
  base: string;
  party: 'contractor' | 'buyer';
}) {
  const { t, locale } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contracts.col.contract')}</th>
            <th scope="col">{t(party === 'contractor' ? 'contracts.col.contractor' : 'contracts.col.buyer')}</th>
            <th scope="col">{t('contracts.col.amount')}</th>
            <th scope="col">{t('contracts.col.status')}</th>
            <th scope="col">{t('contracts.col.end')}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`${base}/${c.id}`}>{c.object}</a>
                <p class="muted">{c.decpId}</p>
              </th>
              <td>{party === 'contractor' ? c.companyName : c.buyerName}</td>
              <td>{euros(c.amountCents, ctx)}</td>
              <td>
                <StatusChip ctx={ctx} contract={c} />
              </td>
              <td>{day(c.endsOn, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BuyerContractsPage({ ctx, contracts }: { ctx: PageContext; contracts: Contract[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contracts.list.title')} wide>
      <h1>{t('contracts.list.title')}</h1>
      <p>{t('contracts.list.intro')}</p>
      {contracts.length === 0 ? (
        <p>{t('contracts.list.empty')}</p>
      ) : (
        <ContractsTable
          ctx={ctx}
          contracts={contracts}
          caption={t('contracts.list.caption')}
          base="/mon-espace/contrats"
          party="contractor"
        />
      )}
    </Layout>
  );
}

export function CompanyContractsPage({ ctx, contracts }: { ctx: PageContext; contracts: Contract[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contracts.company.title')} wide>
      <h1>{t('contracts.company.title')}</h1>
      <p>{t('contracts.company.intro')}</p>
      {contracts.length === 0 ? (
        <p>{t('contracts.list.empty')}</p>
      ) : (
        <ContractsTable
          ctx={ctx}
          contracts={contracts}
          caption={t('contracts.company.caption')}
          base="/mon-espace/marches"
          party="buyer"
        />
      )}
    </Layout>
  );
}

/** The published data, read-only (notified contracts, and the company's view). */
function DataList({ ctx, contract }: { ctx: PageContext; contract: Contract }) {
  const { t, locale } = ctx;
  const yesNo = (v: boolean) => (v ? t('contracts.page.yes') : t('contracts.page.no'));
  const or = (v: string | number | null) => (v === null || v === '' ? t('contracts.page.none') : String(v));
  const rows: [MessageKey, string][] = [
    ['contracts.field.contractors', contract.contractors.map((c) => `${c.name} (SIRET ${c.siret ?? '—'})`).join(' ; ')],
    ['contracts.field.grouping_type', contract.groupingType],
    ['contracts.field.amount', euros(contract.amountCents, ctx)],
    ['contracts.field.start_date', day(contract.startDate, locale)],
    ['contracts.field.duration_months', or(contract.durationMonths)],
    ['contracts.field.nature', contract.nature],
    ['contracts.field.procedure', or(contract.procedure)],
    ['contracts.field.cpv_code', or(contract.cpvCode)],
    ['contracts.field.place_code', `${or(contract.placeCode)} (${or(contract.placeType)})`],
    ['contracts.field.price_types', contract.priceTypes.join(', ') || t('contracts.page.none')],
    ['contracts.field.price_form', or(contract.priceForm)],
    ['contracts.field.ccag', or(contract.ccag)],
    ['contracts.field.techniques', contract.techniques.join(', ')],
    ['contracts.field.execution_modes', contract.executionModes.join(', ')],
    ['contracts.field.framework_agreement_id', or(contract.frameworkAgreementId)],
    ['contracts.field.innovative', yesNo(contract.innovative)],
    ['contracts.field.offers_received', or(contract.offersReceived)],
    [
      'contracts.field.advance_granted',
      contract.advanceGranted
        ? `${t('contracts.page.yes')}${contract.advanceRate !== null ? ` (${Math.round(contract.advanceRate * 10000) / 100} %)` : ''}`
        : t('contracts.page.no'),
    ],
    ['contracts.field.subcontracting_declared', yesNo(contract.subcontractingDeclared)],
    ['contracts.field.social_considerations', contract.socialConsiderations.join(', ')],
    ['contracts.field.environmental_considerations', contract.environmentalConsiderations.join(', ')],
    [
      'contracts.field.has_options',
      contract.hasOptions ? (contract.optionsDescription ?? t('contracts.page.yes')) : t('contracts.page.no'),
    ],
  ];
  return (
    <dl class="summary-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function dataValues(contract: Contract, locale: string): FormValues {
  return {
    object: contract.object,
    amount: contract.amountCents === null ? '' : centsToInput(contract.amountCents, locale === 'en' ? 'en' : 'fr'),
    start_date: contract.startDate ?? '',
    duration_months: contract.durationMonths === null ? '' : String(contract.durationMonths),
    nature: contract.nature,
    procedure: contract.procedure ?? '',
    cpv_code: contract.cpvCode ?? '',
    place_code: contract.placeCode ?? '',
    place_type: contract.placeType ?? '',
    price_form: contract.priceForm ?? '',
    ccag: contract.ccag ?? '',
    framework_agreement_id: contract.frameworkAgreementId ?? '',
    offers_received: contract.offersReceived === null ? '' : String(contract.offersReceived),
    advance_rate: contract.advanceRate === null ? '' : String(Math.round(contract.advanceRate * 10000) / 100),
    grouping_type: contract.groupingType,
    options_description: contract.optionsDescription ?? '',
  };
}

/** Lists come back from a refused form as a string or several; pages show them as checked boxes. */
export type FormLists = Record<string, string[]>;

function DataForm({
  ctx,
  contract,
  values,
  lists,
  errors,
}: {
  ctx: PageContext;
  contract: Contract;
  values: FormValues;
  lists: FormLists | undefined;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const select = (name: string, options: readonly string[], label: MessageKey, required = false) => (
    <SelectField
      ctx={ctx}
      name={name}
      label={t(label)}
      options={[{ value: '', label: t('contracts.field.choose') }, ...options.map((o) => ({ value: o, label: o }))]}
      value={values[name]}
      errors={errors}
      required={required}
    />
  );
  const checked = (name: string, current: string[]) => lists?.[name] ?? current;
  const flag = (name: string, current: boolean) => (lists ? values[name] === 'on' : current);
  return (
    <Form ctx={ctx} action={`/mon-espace/contrats/${contract.id}/donnees`} label={t('contracts.page.data')}>
      <TextAreaField
        ctx={ctx}
        name="object"
        label={t('contracts.field.object')}
        value={values.object}
        errors={errors}
        required
        maxLength={1000}
        rows={3}
      />
      <fieldset class="field">
        <legend>{t('contracts.field.contractors')}</legend>
        {contract.contractors.map((c, i) => (
          <TextField
            key={`siret_${i}`}
            ctx={ctx}
            name={`siret_${i}`}
            label={t('contracts.field.siret_of', { name: c.name })}
            value={values[`siret_${i}`] ?? c.siret ?? ''}
            errors={errors}
            inputMode="numeric"
            maxLength={20}
          />
        ))}
      </fieldset>
      {select('grouping_type', groupingTypes, 'contracts.field.grouping_type', true)}
      <TextField
        ctx={ctx}
        name="amount"
        label={t('contracts.field.amount')}
        hint={t('contracts.field.amount.hint')}
        value={values.amount}
        errors={errors}
        inputMode="numeric"
      />
      <TextField
        ctx={ctx}
        name="start_date"
        type="date"
        label={t('contracts.field.start_date')}
        hint={t('contracts.field.start_date.hint')}
        value={values.start_date}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="duration_months"
        label={t('contracts.field.duration_months')}
        value={values.duration_months}
        errors={errors}
        inputMode="numeric"
      />
      {select('nature', natures, 'contracts.field.nature', true)}
      {select('procedure', procedures, 'contracts.field.procedure')}
      <TextField
        ctx={ctx}
        name="cpv_code"
        label={t('contracts.field.cpv_code')}
        value={values.cpv_code}
        errors={errors}
        maxLength={10}
      />
      <TextField
        ctx={ctx}
        name="place_code"
        label={t('contracts.field.place_code')}
        value={values.place_code}
        errors={errors}
        maxLength={20}
      />
      {select('place_type', placeTypes, 'contracts.field.place_type')}
      <CheckboxGroup
        ctx={ctx}
        name="price_types"
        legend={t('contracts.field.price_types')}
        options={priceTypes}
        checked={checked('price_types', contract.priceTypes)}
        errors={errors}
      />
      {select('price_form', priceForms, 'contracts.field.price_form')}
      {select('ccag', ccags, 'contracts.field.ccag')}
      <CheckboxGroup
        ctx={ctx}
        name="techniques"
        legend={t('contracts.field.techniques')}
        options={techniques}
        checked={checked('techniques', contract.techniques)}
        errors={errors}
      />
      <CheckboxGroup
        ctx={ctx}
        name="execution_modes"
        legend={t('contracts.field.execution_modes')}
        options={executionModes}
        checked={checked('execution_modes', contract.executionModes)}
        errors={errors}
      />
      <TextField
        ctx={ctx}
        name="framework_agreement_id"
        label={t('contracts.field.framework_agreement_id')}
        value={values.framework_agreement_id}
        errors={errors}
        maxLength={16}
      />
      <CheckboxField
        name="innovative"
        label={t('contracts.field.innovative')}
        checked={flag('innovative', contract.innovative)}
      />
      <TextField
        ctx={ctx}
        name="offers_received"
        label={t('contracts.field.offers_received')}
        value={values.offers_received}
        errors={errors}
        inputMode="numeric"
      />
      <CheckboxField
        name="advance_granted"
        label={t('contracts.field.advance_granted')}
        checked={flag('advance_granted', contract.advanceGranted)}
      />
      <TextField
        ctx={ctx}
        name="advance_rate"
        label={t('contracts.field.advance_rate')}
        value={values.advance_rate}
        errors={errors}
        inputMode="numeric"
      />
      <CheckboxField
        name="subcontracting_declared"
        label={t('contracts.field.subcontracting_declared')}
        checked={flag('subcontracting_declared', contract.subcontractingDeclared)}
      />
      <CheckboxGroup
        ctx={ctx}
        name="social_considerations"
        legend={t('contracts.field.social_considerations')}
        options={socialConsiderations}
        checked={checked('social_considerations', contract.socialConsiderations)}
        errors={errors}
      />
      <CheckboxField
        name="insertion_clause"
        label={t('contracts.field.insertion_clause')}
        checked={flag('insertion_clause', contract.insertionClause)}
      />
      <CheckboxGroup
        ctx={ctx}
        name="environmental_considerations"
        legend={t('contracts.field.environmental_considerations')}
        options={environmentalConsiderations}
        checked={checked('environmental_considerations', contract.environmentalConsiderations)}
        errors={errors}
      />
      <CheckboxField
        name="has_options"
        label={t('contracts.field.has_options')}
        checked={flag('has_options', contract.hasOptions)}
      />
      <TextAreaField
        ctx={ctx}
        name="options_description"
        label={t('contracts.field.options_description')}
        value={values.options_description}
        errors={errors}
        maxLength={2000}
        rows={3}
      />
      <button type="submit">{t('contracts.page.save')}</button>
    </Form>
  );
}

function DecpTable({ ctx, records }: { ctx: PageContext; records: DecpRecord[] }) {
  const { t, locale } = ctx;
  return (
    <>
      {records.length === 0 ? (
        <p>{t('contracts.page.decp.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('contracts.page.decp.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contracts.col.sequence')}</th>
                <th scope="col">{t('contracts.col.kind')}</th>
                <th scope="col">{t('contracts.col.published_at')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.sequence + 1}</th>
                  <td>{t(`contracts.decp.kind.${r.kind}`)}</td>
                  <td>{instant(r.publishedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {t('contracts.page.decp.export', { json: 'decp.json', xml: 'decp.xml' })
          .split(/(decp\.json|decp\.xml)/)
          .map((part) =>
            part === 'decp.json' ? (
              <a key="json" href="/api/v1/decp.json">
                decp.json
              </a>
            ) : part === 'decp.xml' ? (
              <a key="xml" href="/api/v1/decp.xml">
                decp.xml
              </a>
            ) : (
              part
            ),
          )}
      </p>
    </>
  );
}

export interface PageState {
  form?: ContractForm;
  errors?: FieldError[];
  values?: FormValues;
  lists?: FormLists;
  notice?: string;
  /** a refusal that is not about one field (standstill, status) */
  problem?: string;
}

export function BuyerContractPage({
  ctx,
  detail,
  state = {},
  maxFileBytes,
}: {
  ctx: PageContext;
  detail: ContractDetail;
  state?: PageState;
  maxFileBytes: number;
}) {
  const { t, locale } = ctx;
  const { contract } = detail;
  const errorsOf = (form: ContractForm) => (state.form === form ? (state.errors ?? []) : []);
  const valuesOf = (form: ContractForm) => (state.form === form ? (state.values ?? {}) : {});
  const awaiting = contract.status === 'awaiting_notification';
  const running = isRunning(contract.status);
  // a refused notification names the data fields to fix: they are shown next to those fields too
  const dataErrors = [...errorsOf('data'), ...errorsOf('notify')];
  const fileErrors = [...errorsOf('document'), ...errorsOf('notify')].filter((e) => e.field === 'file');
  const amountNow = currentAmount(detail);
  return (
    <Layout ctx={ctx} title={contract.object.slice(0, 80)} wide>
      <p>
        <a href="/mon-espace/contrats">{t('contracts.list.title')}</a>
      </p>
      <h1>{contract.object}</h1>
      <p>
        {t('contracts.page.identifier', {
          id: contract.decpId,
          reference: contract.tenderReference,
          lot: contract.lotNumber,
        })}{' '}
        <StatusChip ctx={ctx} contract={contract} />
      </p>
      {state.notice ? <Notice kind="success">{state.notice}</Notice> : null}
      {state.problem ? <Notice kind="error">{state.problem}</Notice> : null}

      {awaiting ? (
        <section aria-labelledby="notification">
          <h2 id="notification">{t('contracts.page.notify')}</h2>
          <p>{t('contracts.page.notify.standstill', { date: instant(contract.standstillEndsAt, locale) })}</p>
          <p>{t('contracts.page.notify.explain')}</p>
          <ErrorSummary ctx={ctx} errors={errorsOf('notify')} />
          <Form ctx={ctx} action={`/mon-espace/contrats/${contract.id}/notifier`}>
            <button type="submit">{t('contracts.page.notify.submit')}</button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="donnees">
        <h2 id="donnees">{t('contracts.page.data')}</h2>
        {awaiting ? (
          <>
            <p>{t('contracts.page.data.intro')}</p>
            <ErrorSummary ctx={ctx} errors={errorsOf('data')} />
            <DataForm
              ctx={ctx}
              contract={contract}
              values={state.form === 'data' ? valuesOf('data') : dataValues(contract, locale)}
              lists={state.form === 'data' ? state.lists : undefined}
              errors={dataErrors}
            />
          </>
        ) : (
          <>
            {contract.notificationDate ? (
              <p>{t('contracts.page.notified_on', { date: day(contract.notificationDate, locale) })}</p>
            ) : null}
            <DataList ctx={ctx} contract={contract} />
          </>
        )}
      </section>

      <section aria-labelledby="document">
        <h2 id="document">{t('contracts.page.document')}</h2>
        {contract.documentFileName ? (
          <p>
            <a href={`/mon-espace/contrats/${contract.id}/document`}>
              {t('contracts.page.document.download', { name: contract.documentFileName })}
            </a>
          </p>
        ) : (
          <p>{t('contracts.page.document.none')}</p>
        )}
        {awaiting ? (
          <>
            <ErrorSummary ctx={ctx} errors={errorsOf('document')} />
            <form
              method="post"
              action={`/mon-espace/contrats/${contract.id}/document`}
              enctype="multipart/form-data"
              novalidate
            >
              {/* the token first: the server reads it before the file */}
              <input type="hidden" name={csrfFieldName} value={ctx.csrfToken} />
              <div class={fileErrors.length ? 'field field-error' : 'field'}>
                <label for={fieldId('file')}>{t('contracts.page.document.file')}</label>
                <p class="hint" id={`${fieldId('file')}-aide`}>
                  {t('contracts.page.document.hint', { size: `${Math.round(maxFileBytes / 1024 / 1024)} Mo` })}
                </p>
                {fileErrors.length ? (
                  <p class="error-message" id={`${fieldId('file')}-erreur`}>
                    {fileErrors.map((e) => t(e.message as MessageKey)).join(' ')}
                  </p>
                ) : null}
                <input
                  id={fieldId('file')}
                  type="file"
                  name="file"
                  aria-invalid={fileErrors.length ? 'true' : undefined}
                  aria-describedby={`${fieldId('file')}-aide${fileErrors.length ? ` ${fieldId('file')}-erreur` : ''}`}
                />
              </div>
              <button type="submit">{t('contracts.page.document.upload')}</button>
            </form>
          </>
        ) : null}
      </section>

      {!awaiting ? (
        <section aria-labelledby="execution">
          <h2 id="execution">{t('contracts.page.execution')}</h2>
          <p>
            {t('contracts.page.execution.ends', { date: day(contract.endsOn, locale) })}{' '}
            {t('contracts.page.execution.current_amount', { amount: euros(amountNow, ctx) })}
          </p>
          <ErrorSummary ctx={ctx} errors={errorsOf('status')} />
          <div class="actions">
            {(['startExecution', 'end', 'terminate'] as const)
              .filter((event) => canTransition(contract.status, event))
              .map((event) => (
                <Form key={event} ctx={ctx} action={`/mon-espace/contrats/${contract.id}/statut`} class="inline-form">
                  <input type="hidden" name="event" value={event} />
                  <button type="submit" class={event === 'terminate' ? 'button-secondary' : undefined}>
                    {t(`contracts.action.${event}`)}
                  </button>
                </Form>
              ))}
          </div>
        </section>
      ) : null}

      {!awaiting ? (
        <section aria-labelledby="modifications">
          <h2 id="modifications">{t('contracts.page.modifications')}</h2>
          <ModificationsTable ctx={ctx} modifications={detail.modifications} />
          {running ? (
            <>
              <h3>{t('contracts.page.modifications.add')}</h3>
              <ErrorSummary ctx={ctx} errors={errorsOf('modification')} />
              <Form
                ctx={ctx}
                action={`/mon-espace/contrats/${contract.id}/modifications`}
                label={t('contracts.page.modifications.add')}
              >
                <TextAreaField
                  ctx={ctx}
                  name="modification_object"
                  label={t('contracts.field.modification_object')}
                  value={valuesOf('modification').modification_object}
                  errors={errorsOf('modification')}
                  required
                  maxLength={1000}
                  rows={3}
                />
                <TextField
                  ctx={ctx}
                  name="new_amount"
                  label={t('contracts.field.new_amount')}
                  value={valuesOf('modification').new_amount}
                  errors={errorsOf('modification')}
                  inputMode="numeric"
                />
                <TextField
                  ctx={ctx}
                  name="new_end_date"
                  type="date"
                  label={t('contracts.field.new_end_date')}
                  value={valuesOf('modification').new_end_date}
                  errors={errorsOf('modification')}
                />
                <TextField
                  ctx={ctx}
                  name="modification_notified_on"
                  type="date"
                  label={t('contracts.field.notified_on')}
                  value={valuesOf('modification').modification_notified_on}
                  errors={errorsOf('modification')}
                  required
                />
                <button type="submit">{t('contracts.page.modifications.add')}</button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}

      {!awaiting ? (
        <section aria-labelledby="sous-traitance">
          <h2 id="sous-traitance">{t('contracts.page.subcontracts')}</h2>
          <SubcontractsTable ctx={ctx} subcontracts={detail.subcontracts} />
          {running ? (
            <>
              <h3>{t('contracts.page.subcontracts.add')}</h3>
              <ErrorSummary ctx={ctx} errors={errorsOf('subcontract')} />
              <Form
                ctx={ctx}
                action={`/mon-espace/contrats/${contract.id}/sous-traitance`}
                label={t('contracts.page.subcontracts.add')}
              >
                <TextField
                  ctx={ctx}
                  name="siret"
                  label={t('contracts.field.siret')}
                  value={valuesOf('subcontract').siret}
                  errors={errorsOf('subcontract')}
                  required
                  inputMode="numeric"
                  maxLength={20}
                />
                <TextField
                  ctx={ctx}
                  name="subcontractor_name"
                  label={t('contracts.field.subcontractor_name')}
                  value={valuesOf('subcontract').subcontractor_name}
                  errors={errorsOf('subcontract')}
                  required
                  maxLength={200}
                />
                <TextField
                  ctx={ctx}
                  name="subcontract_amount"
                  label={t('contracts.field.subcontract_amount')}
                  value={valuesOf('subcontract').subcontract_amount}
                  errors={errorsOf('subcontract')}
                  required
                  inputMode="numeric"
                />
                <SelectField
                  ctx={ctx}
                  name="direct_payment"
                  label={t('contracts.field.direct_payment')}
                  options={[
                    { value: '', label: t('contracts.field.choose') },
                    { value: 'oui', label: t('contracts.page.yes') },
                    { value: 'non', label: t('contracts.page.no') },
                  ]}
                  value={valuesOf('subcontract').direct_payment}
                  errors={errorsOf('subcontract')}
                  required
                />
                <TextField
                  ctx={ctx}
                  name="subcontract_duration"
                  label={t('contracts.field.subcontract_duration')}
                  value={valuesOf('subcontract').subcontract_duration}
                  errors={errorsOf('subcontract')}
                  required
                  inputMode="numeric"
                />
                <SelectField
                  ctx={ctx}
                  name="price_variation"
                  label={t('contracts.field.price_variation')}
                  options={[
                    { value: '', label: t('contracts.field.choose') },
                    ...priceVariations.map((v) => ({ value: v, label: v })),
                  ]}
                  value={valuesOf('subcontract').price_variation}
                  errors={errorsOf('subcontract')}
                  required
                />
                <TextField
                  ctx={ctx}
                  name="subcontract_notified_on"
                  type="date"
                  label={t('contracts.field.notified_on')}
                  value={valuesOf('subcontract').subcontract_notified_on}
                  errors={errorsOf('subcontract')}
                  required
                />
                <button type="submit">{t('contracts.page.subcontracts.add')}</button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}

      {contract.insertionClause && !awaiting ? (
        <section aria-labelledby="insertion">
          <h2 id="insertion">{t('contracts.page.insertion')}</h2>
          <InsertionFollowUp ctx={ctx} reports={detail.insertion} />
          {running || contract.status === 'ended' ? (
            <>
              <h3>{t('contracts.page.insertion.add')}</h3>
              <ErrorSummary ctx={ctx} errors={errorsOf('insertion')} />
              <Form
                ctx={ctx}
                action={`/mon-espace/contrats/${contract.id}/insertion`}
                label={t('contracts.page.insertion.add')}
              >
                <TextField
                  ctx={ctx}
                  name="period"
                  label={t('contracts.field.period')}
                  value={valuesOf('insertion').period}
                  errors={errorsOf('insertion')}
                  required
                  maxLength={7}
                />
                <TextField
                  ctx={ctx}
                  name="hours_planned"
                  label={t('contracts.field.hours_planned')}
                  value={valuesOf('insertion').hours_planned}
                  errors={errorsOf('insertion')}
                  required
                  inputMode="numeric"
                />
                <TextField
                  ctx={ctx}
                  name="hours_done"
                  label={t('contracts.field.hours_done')}
                  value={valuesOf('insertion').hours_done}
                  errors={errorsOf('insertion')}
                  required
                  inputMode="numeric"
                />
                <button type="submit">{t('contracts.page.insertion.add')}</button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="decp">
        <h2 id="decp">{t('contracts.page.decp')}</h2>
        <DecpTable ctx={ctx} records={detail.decp} />
      </section>
    </Layout>
  );
}

/** The company's read-only view of its contract. */
export function CompanyContractPage({ ctx, detail }: { ctx: PageContext; detail: ContractDetail }) {
  const { t, locale } = ctx;
  const { contract } = detail;
  return (
    <Layout ctx={ctx} title={contract.object.slice(0, 80)} wide>
      <p>
        <a href="/mon-espace/marches">{t('contracts.company.title')}</a>
      </p>
      <h1>{contract.object}</h1>
      <p>
        {contract.buyerName} —{' '}
        {t('contracts.page.identifier', {
          id: contract.decpId,
          reference: contract.tenderReference,
          lot: contract.lotNumber,
        })}{' '}
        <StatusChip ctx={ctx} contract={contract} />
      </p>
      <section aria-labelledby="donnees">
        <h2 id="donnees">{t('contracts.page.data')}</h2>
        {contract.notificationDate ? (
          <p>{t('contracts.page.notified_on', { date: day(contract.notificationDate, locale) })}</p>
        ) : null}
        <p>
          {t('contracts.page.execution.ends', { date: day(contract.endsOn, locale) })}{' '}
          {t('contracts.page.execution.current_amount', { amount: euros(currentAmount(detail), ctx) })}
        </p>
        <DataList ctx={ctx} contract={contract} />
      </section>
      <section aria-labelledby="document">
        <h2 id="document">{t('contracts.page.document')}</h2>
        {contract.documentFileName ? (
          <p>
            <a href={`/mon-espace/marches/${contract.id}/document`}>
              {t('contracts.page.document.download', { name: contract.documentFileName })}
            </a>
          </p>
        ) : (
          <p>{t('contracts.page.document.none')}</p>
        )}
      </section>
      <section aria-labelledby="modifications">
        <h2 id="modifications">{t('contracts.page.modifications')}</h2>
        <ModificationsTable ctx={ctx} modifications={detail.modifications} />
      </section>
      <section aria-labelledby="sous-traitance">
        <h2 id="sous-traitance">{t('contracts.page.subcontracts')}</h2>
        <SubcontractsTable ctx={ctx} subcontracts={detail.subcontracts} />
      </section>
      {contract.insertionClause ? (
        <section aria-labelledby="insertion">
          <h2 id="insertion">{t('contracts.page.insertion')}</h2>
          <InsertionFollowUp ctx={ctx} reports={detail.insertion} />
        </section>
      ) : null}
      <section aria-labelledby="decp">
        <h2 id="decp">{t('contracts.page.decp')}</h2>
        <DecpTable ctx={ctx} records={detail.decp} />
      </section>
    </Layout>
  );
}
