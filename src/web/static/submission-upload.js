// Uploads for the sealed-submission and workstation forms, with a progress bar. Without
// JavaScript the plain multipart form works the same way. No inline script (strict CSP).
// On the deposit form (data-tus), files go through the platform's resumable upload (tus 1.0.0
// core): slices are sent with PATCH, and after a broken connection the upload resumes from the
// offset the server committed — even days later from the same browser (localStorage keeps the
// upload's address and its secret, which the server needs to continue).
const sliceBytes = 8 * 1024 * 1024;

function send(method, url, headers, body, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    if (onProgress) xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded));
    xhr.addEventListener('load', () => resolve(xhr));
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.addEventListener('abort', () => reject(new Error('network')));
    xhr.send(body ?? null);
  });
}

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const b64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

async function resumable(form, file, bar) {
  const csrf = form.querySelector('input[name=_csrf]').value;
  const kind = form.querySelector('[name=kind]').value;
  const endpoint = form.dataset.tus;
  const memoryKey = `halle-tus:${endpoint}:${kind}:${file.name}:${file.size}:${file.lastModified}`;
  const base = { 'Tus-Resumable': '1.0.0', 'X-CSRF-Token': csrf };
  let upload = JSON.parse(localStorage.getItem(memoryKey) || 'null');
  let offset = 0;
  if (upload) {
    const head = await send('HEAD', upload.location, { ...base, 'Halle-Upload-Secret': upload.secret }).catch(
      () => null,
    );
    if (head && head.status === 200) offset = Number(head.getResponseHeader('Upload-Offset'));
    else upload = null;
  }
  if (!upload) {
    const created = await send('POST', endpoint, {
      ...base,
      'Upload-Length': String(file.size),
      'Upload-Metadata': `filename ${b64(file.name)},kind ${b64(kind)}`,
    });
    if (created.status !== 201) return created;
    upload = {
      location: created.getResponseHeader('Location'),
      secret: created.getResponseHeader('Halle-Upload-Secret'),
    };
    localStorage.setItem(memoryKey, JSON.stringify(upload));
  }
  let failures = 0;
  do {
    const slice = file.slice(offset, Math.min(file.size, offset + sliceBytes));
    try {
      const res = await send(
        'PATCH',
        upload.location,
        {
          ...base,
          'Halle-Upload-Secret': upload.secret,
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
        },
        slice,
        (loaded) => {
          bar.value = Math.round((100 * (offset + loaded)) / Math.max(1, file.size));
        },
      );
      if (res.status !== 204) {
        if (res.status === 409) {
          const head = await send('HEAD', upload.location, { ...base, 'Halle-Upload-Secret': upload.secret });
          if (head.status === 200) {
            offset = Number(head.getResponseHeader('Upload-Offset'));
            continue;
          }
        }
        localStorage.removeItem(memoryKey);
        return res;
      }
      offset = Number(res.getResponseHeader('Upload-Offset'));
      failures = 0;
    } catch {
      // broken connection: ask the server where it stands, then go on from there
      if (++failures > 20) throw new Error('network');
      await wait(Math.min(30_000, 1000 * 2 ** failures));
      const head = await send('HEAD', upload.location, { ...base, 'Halle-Upload-Secret': upload.secret }).catch(
        () => null,
      );
      if (head && head.status === 200) offset = Number(head.getResponseHeader('Upload-Offset'));
    }
  } while (offset < file.size);
  localStorage.removeItem(memoryKey);
  window.location.assign(`${form.dataset.done}?depose=${encodeURIComponent(file.name)}`);
  return null;
}

function showAnswer(xhr) {
  document.open();
  document.write(xhr.responseText);
  document.close();
}

for (const form of document.querySelectorAll('form.upload-form')) {
  const bar = form.querySelector('progress.upload-progress');
  form.addEventListener('submit', (event) => {
    const input = form.querySelector('input[type=file]');
    const file = input?.files?.[0];
    const max = Number(form.dataset.maxBytes || 0);
    if (!file || (max > 0 && file.size > max)) return; // the server answers with its message
    if (!bar || !window.XMLHttpRequest || !window.FormData) return;
    event.preventDefault();
    bar.hidden = false;
    if (form.dataset.tus && window.localStorage) {
      resumable(form, file, bar)
        .then((refusal) => {
          if (refusal) showAnswer(refusal);
        })
        .catch(() => form.submit());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.addEventListener('load', () => {
      // success: the redirect was followed, go where it led; refusal: show the page the server answered
      if (xhr.status < 300 && xhr.responseURL && xhr.responseURL !== form.action)
        window.location.assign(xhr.responseURL);
      else showAnswer(xhr);
    });
    xhr.addEventListener('error', () => form.submit());
    xhr.send(new FormData(form));
  });
}
