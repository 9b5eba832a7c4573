// CPV search-as-you-type for the tender forms (progressive enhancement).
// Without JavaScript the CPV field is a plain text field validated on the server, and /cpv lists
// matches. With it, a search box under each `input[data-cpv-picker]` shows matching codes as a
// list of buttons; a button appends its code to the field. Results are announced through a
// polite live region. Plain ES module served from /static: the CSP allows no inline script.

const DELAY_MS = 200;

function enhance(field) {
  const data = field.dataset;
  const id = `${field.id}-recherche`;
  const wrapper = document.createElement('div');
  wrapper.className = 'field cpv-picker';

  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = data.searchLabel || 'Rechercher un code CPV';

  const search = document.createElement('input');
  search.type = 'search';
  search.id = id;
  search.autocomplete = 'off';
  search.maxLength = 100;
  search.setAttribute('aria-controls', `${id}-resultats`);

  const status = document.createElement('p');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  const list = document.createElement('ul');
  list.id = `${id}-resultats`;
  list.className = 'cpv-results';

  wrapper.append(label, search, status, list);
  field.closest('.field').after(wrapper);

  let timer;
  let controller;

  function addCode(code) {
    const codes = field.value
      .split(/[,;\n]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (!codes.some((c) => c.replace(/-\d$/, '') === code.replace(/-\d$/, ''))) codes.push(code);
    field.value = codes.join(', ');
    status.textContent = (data.added || '{code}').replace('{code}', code);
  }

  function show(items) {
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button';
      const label = data.lang === 'en' ? item.labelEn : item.labelFr;
      button.textContent = `${data.addLabel || 'Ajouter'} ${item.codeWithCheckDigit} — ${label}`;
      button.addEventListener('click', () => addCode(item.codeWithCheckDigit));
      li.append(button);
      list.append(li);
    }
    status.textContent = items.length
      ? (data.results || '{count}').replace('{count}', String(items.length))
      : data.none || '';
  }

  async function run(query) {
    controller?.abort();
    if (query.trim().length < 2) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    controller = new AbortController();
    try {
      const res = await fetch(`/api/v1/cpv?q=${encodeURIComponent(query)}`, { signal: controller.signal });
      if (!res.ok) return;
      const body = await res.json();
      show(body.items || []);
    } catch {
      // aborted by a newer query, or offline: the text field still works
    }
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(search.value), DELAY_MS);
  });
  // Enter in the search box must not submit the tender form
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      run(search.value);
    }
  });
}

for (const field of document.querySelectorAll('input[data-cpv-picker]')) enhance(field);
