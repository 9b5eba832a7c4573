import type { FieldError } from '../../../platform/errors.js';
import { fieldId } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import type { MessageKey } from '../../../web/i18n.js';

/**
 * A checkbox that can carry an error message (the shared CheckboxField has none): needed for
 * the acceptance of the terms, which the summary links to.
 */
export function RequiredCheckbox({
  ctx,
  name,
  label,
  checked,
  errors = [],
}: {
  ctx: PageContext;
  name: string;
  label: string;
  checked?: boolean;
  errors?: FieldError[];
}) {
  const id = fieldId(name);
  const own = errors.filter((e) => e.field === name);
  return (
    <div class={own.length ? 'field field-checkbox field-error' : 'field field-checkbox'}>
      {own.length ? (
        <p class="error-message" id={`${id}-erreur`}>
          {own.map((e) => ctx.t(e.message as MessageKey)).join(' ')}
        </p>
      ) : null}
      <input
        id={id}
        type="checkbox"
        name={name}
        value="on"
        checked={checked}
        required
        aria-invalid={own.length ? 'true' : undefined}
        aria-describedby={own.length ? `${id}-erreur` : undefined}
      />
      <label for={id}>
        {label} <span class="required">({ctx.t('form.required')})</span>
      </label>
    </div>
  );
}
