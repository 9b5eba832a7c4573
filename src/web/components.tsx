import type { ComponentChildren } from 'preact';
import type { FieldError } from '../platform/errors.js';
import { csrfFieldName } from '../platform/http/csrf.js';
import type { PageContext } from './context.js';
import type { MessageKey } from './i18n.js';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name={csrfFieldName} value={ctx.csrfToken} />;
}

/** A POST form with its CSRF token. */
export function Form({
  ctx,
  action,
  children,
  class: className,
  label,
}: {
  ctx: PageContext;
  action: string;
  children: ComponentChildren;
  class?: string;
  label?: string;
}) {
  return (
    <form method="post" action={action} class={className} aria-label={label} novalidate>
      <CsrfField ctx={ctx} />
      {children}
    </form>
  );
}

export function fieldId(name: string): string {
  return `champ-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * What every field shares: its id, its label (with "obligatoire"), its hint and its errors, tied
 * to the control by aria-describedby so screen readers read them (RGAA 11.10).
 */
function fieldParts({
  ctx,
  name,
  label,
  errors,
  required,
  hint,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  errors: FieldError[];
  required: boolean;
  hint?: string | undefined;
}) {
  const id = fieldId(name);
  const own = errors.filter((e) => e.field === name);
  const describedBy = [hint ? `${id}-aide` : '', own.length ? `${id}-erreur` : ''].filter(Boolean).join(' ');
  const head = (
    <>
      <label for={id}>
        {label}
        {required ? <span class="required"> ({ctx.t('form.required')})</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-aide`}>
          {hint}
        </p>
      ) : null}
      {own.length ? (
        <p class="error-message" id={`${id}-erreur`}>
          {own.map((e) => ctx.t(e.message as MessageKey)).join(' ')}
        </p>
      ) : null}
    </>
  );
  return { id, invalid: own.length > 0, describedBy: describedBy || undefined, head };
}

/** A summary of the form's errors at the top, each linking to its field (RGAA 11.10). */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} id="erreurs">
      <h2 class="alert-title">{ctx.t('form.errors.title')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            {e.field === '_form' ? (
              ctx.t(e.message as MessageKey)
            ) : (
              <a href={`#${fieldId(e.field)}`}>{ctx.t(e.message as MessageKey)}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TextField({
  ctx,
  name,
  label,
  type = 'text',
  value,
  errors = [],
  required = false,
  autocomplete,
  hint,
  inputMode,
  maxLength,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'tel' | 'url';
  value?: string | undefined;
  errors?: FieldError[];
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  inputMode?: 'numeric' | 'email' | 'text';
  maxLength?: number;
}) {
  const { id, invalid, describedBy, head } = fieldParts({ ctx, name, label, errors, required, hint });
  return (
    <div class={invalid ? 'field field-error' : 'field'}>
      {head}
      <input
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        required={required}
        autocomplete={autocomplete}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function SelectField({
  ctx,
  name,
  label,
  options,
  value,
  errors = [],
  required = false,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  errors?: FieldError[];
  required?: boolean;
}) {
  const { id, invalid, describedBy, head } = fieldParts({ ctx, name, label, errors, required });
  return (
    <div class={invalid ? 'field field-error' : 'field'}>
      {head}
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  const id = fieldId(name);
  return (
    <div class="field field-checkbox">
      <input id={id} type="checkbox" name={name} value="on" checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'success' | 'info' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A new password typed twice (sign-up, invitation, reset, installation): same rules and hint everywhere. */
export function NewPasswordFields({
  ctx,
  errors,
  labels,
  confirmName = 'passwordConfirmation',
}: {
  ctx: PageContext;
  errors: FieldError[];
  labels: { password: MessageKey; confirmation: MessageKey };
  confirmName?: string;
}) {
  return (
    <>
      <TextField
        ctx={ctx}
        name="password"
        type="password"
        label={ctx.t(labels.password)}
        hint={ctx.t('identity.password.hint')}
        errors={errors}
        required
        autocomplete="new-password"
        maxLength={256}
      />
      <TextField
        ctx={ctx}
        name={confirmName}
        type="password"
        label={ctx.t(labels.confirmation)}
        errors={errors}
        required
        autocomplete="new-password"
        maxLength={256}
      />
    </>
  );
}

/** A multi-line text field, with the same label / hint / error wiring as TextField. */
export function TextAreaField({
  ctx,
  name,
  label,
  value,
  errors = [],
  required = false,
  hint,
  maxLength,
  rows = 6,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  value?: string | null | undefined;
  errors?: FieldError[];
  required?: boolean;
  hint?: string;
  maxLength?: number;
  rows?: number;
}) {
  const { id, invalid, describedBy, head } = fieldParts({ ctx, name, label, errors, required, hint });
  return (
    <div class={invalid ? 'field field-error' : 'field'}>
      {head}
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}
