// Live notifications (progressive enhancement): the header badge and, on the notification centre,
// the list update as notifications arrive, through Server-Sent Events. Without JavaScript the
// badge is counted on every page and the list is complete on reload. No inline script (strict CSP);
// the text comes from the server as data (set with textContent, never as HTML).

function updateBadge(unread) {
  const badge = document.getElementById('notifications-badge');
  if (!badge) return;
  const label = badge.dataset.label || '{count}';
  badge.textContent = label.replace('{count}', String(unread));
  badge.hidden = unread === 0;
  const status = document.getElementById('notifications-unread');
  if (status) status.textContent = badge.textContent;
}

function addToList(n) {
  const list = document.getElementById('notifications-list');
  if (!list || document.getElementById(`notification-${n.id}`)) return;
  const item = document.createElement('li');
  item.className = 'card card-unread';
  item.id = `notification-${n.id}`;
  const head = document.createElement('p');
  head.className = 'muted';
  head.textContent = n.kindLabel;
  const line = document.createElement('p');
  const reference = document.createElement('span');
  reference.className = 'mono';
  reference.textContent = `${n.reference} `;
  const link = document.createElement('a');
  link.href = n.link;
  link.textContent = n.title;
  line.append(reference, link);
  const detail = document.createElement('p');
  detail.className = 'muted';
  detail.textContent = n.detail;
  item.append(head, line, detail);
  list.prepend(item);
  const empty = document.getElementById('notifications-empty');
  if (empty) empty.hidden = true;
}

if (window.EventSource && document.getElementById('notifications-badge')) {
  const source = new EventSource('/mon-espace/notifications/flux');
  source.addEventListener('count', (event) => updateBadge(JSON.parse(event.data).unread));
  source.addEventListener('notification', (event) => {
    const n = JSON.parse(event.data);
    updateBadge(n.unread);
    addToList(n);
  });
}
