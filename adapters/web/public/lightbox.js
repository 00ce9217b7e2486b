// The local chat's and the digest preview's viewing aids: a chart opens full size on tap (a modal
// dialog: Escape, the Close button or a tap outside closes it, and focus goes back to the chart),
// and the meeting pack's page opens in a new tab. No framework, no build step.

let dialog = null;
let opener = null;

function lightbox() {
  if (dialog) return dialog;
  dialog = document.createElement('dialog');
  dialog.className = 'lightbox';
  dialog.setAttribute('aria-label', 'Chart, full size');
  const bar = document.createElement('div');
  bar.className = 'lightbox-bar';
  const title = document.createElement('p');
  title.className = 'lightbox-title';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'card-button primary';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  bar.append(title, close);
  const body = document.createElement('div');
  body.className = 'lightbox-body';
  body.append(document.createElement('img'));
  dialog.append(bar, body);
  // A tap on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    opener?.focus();
    opener = null;
  });
  document.body.append(dialog);
  return dialog;
}

function openChart(button) {
  const image = button.querySelector('img');
  if (!image) return;
  const view = lightbox();
  const full = view.querySelector('.lightbox-body img');
  full.src = image.src;
  full.alt = image.alt;
  view.querySelector('.lightbox-title').textContent = button.getAttribute('aria-label')?.replace(/^Open full size: /, '') ?? 'Chart';
  opener = button;
  view.showModal();
  view.querySelector('.lightbox-bar button').focus();
}

/**
 * A data: address cannot be opened as a page, and a blob: one would take this chat's policy, which
 * allows no inline style: the page would show unstyled, wider than a phone. So its bytes are posted
 * to the server, which answers them as a page under the page's own policy (adapters/web/open-page.ts).
 * Posted at once, in the tap itself: a browser blocks a new tab opened after waiting for anything.
 */
function openPage(link) {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/web/page';
  form.target = '_blank';
  form.rel = 'noopener'; // the page needs nothing from the chat
  form.hidden = true;
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'page';
  field.value = link.href.slice(link.href.indexOf(',') + 1);
  form.append(field);
  document.body.append(form);
  form.submit();
  form.remove();
}

document.addEventListener('click', (event) => {
  const zoom = event.target.closest?.('button.chart-zoom');
  if (zoom) {
    openChart(zoom);
    return;
  }
  const page = event.target.closest?.('a[data-open-page]');
  if (page) {
    event.preventDefault();
    openPage(page);
  }
});

// Replies must not end up under the sticky header, whose height changes as it wraps on a phone:
// scrolling keeps clear of its real height.
const header = document.querySelector('header.top');
if (header) {
  const fit = () => document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
  new ResizeObserver(fit).observe(header);
  fit();
}
