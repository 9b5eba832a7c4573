// Upload progress for the sealed-submission and workstation forms: the same multipart POST the
// form would send, through XMLHttpRequest so progress can be shown; without JavaScript the plain
// form works the same way. No inline script (strict CSP).
for (const form of document.querySelectorAll('form.upload-form')) {
  const bar = form.querySelector('progress.upload-progress');
  form.addEventListener('submit', (event) => {
    const input = form.querySelector('input[type=file]');
    const max = Number(form.dataset.maxBytes || 0);
    if (input?.files?.[0] && max > 0 && input.files[0].size > max) return; // let the server answer with its message
    if (!bar || !window.XMLHttpRequest || !window.FormData) return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    bar.hidden = false;
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.addEventListener('load', () => {
      // success: the redirect was followed, go where it led; refusal: show the page the server answered
      if (xhr.status < 300 && xhr.responseURL && xhr.responseURL !== form.action)
        window.location.assign(xhr.responseURL);
      else {
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener('error', () => form.submit());
    xhr.send(new FormData(form));
  });
}
