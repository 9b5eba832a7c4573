import type { FieldError } from '../../../../platform/errors.js';
import { fieldId } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/context.js';
import type { MessageKey } from '../../../../web/i18n.js';

/**
 * Text typed by a person, shown as paragraphs with its line breaks, escaped by Preact: a question
 * containing markup shows the markup as text.
 */
export function MultilineText({ text }: { text: string }) {
  const paragraphs = text.split(/\r?\n\s*\r?\n/);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split(/\r?\n/).map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** A multi-line field with its label, hint and error tied to it (same shape as TextField). */
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
  value?: string | undefined;
  errors?: FieldError[];
  required?: boolean;
  hint?: string;
  maxLength?: number;
  rows?: number;
}) {
  const id = fieldId(name);
  const own = errors.filter((e) => e.field === name);
  const describedBy = [hint ? `${id}-aide` : '', own.length ? `${id}-erreur` : ''].filter(Boolean).join(' ');
  return (
    <div class={own.length ? 'field field-error' : 'field'}>
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
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        aria-invalid={own.length ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}
