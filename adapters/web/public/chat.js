// The local chat page: sends what the person types or clicks to POST /web/turn and shows the
// replies, which the server has already rendered as HTML. No framework, no build step.

const log = document.getElementById('log');
const statusLine = document.getElementById('status');
const picker = document.getElementById('as');
const composer = document.getElementById('composer');
const message = document.getElementById('message');
const digestLink = document.getElementById('digest-link');
const trackerFile = document.getElementById('tracker-file');
const wherePicker = document.getElementById('where');
const threadNote = document.getElementById('thread-note');
const threadCancel = document.getElementById('thread-cancel');
const chips = document.querySelector('.chips');
// The server refuses more (src/programme/tracker/tracker-limits.ts); saying so here saves the upload.
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const STORAGE_KEY = 'pacebot.as';
/** How often an open channel looks for new posts (a digest or a prompt sent by the scheduler). */
const CHANNEL_POLL_MS = 10_000;

let busy = false;
/** The message whose thread the next sentence replies in, or null. */
let thread = null;
/** Bot posts already shown, so a refresh adds only new ones. */
const shown = new Set();

function who() {
  return picker.value;
}

function whoLabel() {
  return picker.options[picker.selectedIndex].textContent;
}

function setBusy(on) {
  busy = on;
  log.setAttribute('aria-busy', on ? 'true' : 'false');
  statusLine.textContent = on ? 'pacebot is answering…' : '';
  for (const button of composer.querySelectorAll('button')) button.disabled = on;
}

async function call(url, options) {
  const response = await fetch(url, options);
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.message || `The bot answered with status ${response.status}.`);
  return payload.replies;
}

function where() {
  if (!wherePicker?.value) return undefined;
  return thread ? { conversation: wherePicker.value, thread } : { conversation: wherePicker.value };
}

function postTurn(body) {
  const place = where();
  return call('/web/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: who(), ...body, ...(place ? { where: place } : {}) }),
  });
}

function setThread(messageId) {
  thread = messageId;
  threadNote.hidden = !messageId;
  if (messageId) message.focus();
}

/** What the bot posted in the open channel (or, in the direct conversation, to this person) since last shown. */
async function showPosts() {
  const conversation = wherePicker?.value || `web-${who()}`;
  let payload;
  try {
    const response = await fetch(`/web/channel?as=${encodeURIComponent(who())}&c=${encodeURIComponent(conversation)}`);
    if (!response.ok) return;
    payload = await response.json();
  } catch {
    return;
  }
  const fresh = payload.messages.filter((m) => !shown.has(m.messageId));
  for (const post of fresh) {
    shown.add(post.messageId);
    const item = addBot([post]);
    item.classList.add('turn-post');
    if (wherePicker?.value) {
      const reply = document.createElement('button');
      reply.type = 'button';
      reply.className = 'card-button thread-reply';
      reply.textContent = 'Reply in thread';
      reply.addEventListener('click', () => setThread(post.messageId));
      item.append(reply);
    }
  }
}

/** The pickers again from the server: people added and groups created show up without a reload. */
async function refreshPickers() {
  let payload;
  try {
    const response = await fetch('/web/where');
    if (!response.ok) return;
    payload = await response.json();
  } catch {
    return;
  }
  const rebuild = (select, options) => {
    const keep = select.value;
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
  };
  rebuild(picker, payload.people.map((p) => [p.userId, `${p.name} (${p.role})`]));
  for (const [i, p] of payload.people.entries()) {
    if (p.mayImport) picker.options[i].dataset.mayImport = '1';
    if (p.mayPreview) picker.options[i].dataset.mayPreview = '1';
  }
  offerWhatTheyMay();
  if (wherePicker) rebuild(wherePicker, [['', 'Direct message with pacebot'], ...payload.channels.map((c) => [c.id, `#${c.name}${c.linkedAs ? ' · linked' : ''}`])]);
  // An admin who has just set up the programme sees its own kind of reference in the box.
  // No "e.g.": with it the example was cut off in a 390 px wide box (a try-out).
  if (payload.example) message.placeholder = `${payload.example} accommodated 3 Oct`;
  if (payload.real && chips) {
    for (const chip of chips.querySelectorAll('[data-say]')) if (!['help', 'people', 'my cases'].includes(chip.dataset.say)) chip.remove();
  }
}

function addTurn(className, build) {
  const item = document.createElement('li');
  item.className = `turn ${className}`;
  // Where it was said: on switching place, the other places' turns are hidden (a channel shown on
  // a projector kept the direct messages above it, with their case references).
  item.dataset.place = wherePicker?.value ?? '';
  build(item);
  log.append(item);
  return item;
}

/** Shows the turns of the place now chosen, and hides the others'. */
function showPlace() {
  const place = wherePicker?.value ?? '';
  for (const item of log.querySelectorAll('.turn')) item.hidden = (item.dataset.place ?? '') !== place;
}

function addUser(text) {
  addTurn('turn-user', (item) => {
    const speaker = document.createElement('span');
    speaker.className = 'visually-hidden';
    speaker.textContent = `${whoLabel()}: `;
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = text;
    item.append(speaker, bubble);
  });
}

function addNote(text, kind = 'note') {
  return addTurn(`turn-${kind}`, (item) => {
    item.textContent = text;
  });
}

function replyElement(reply) {
  const wrapper = document.createElement('div');
  wrapper.className = `reply reply-${reply.kind}`;
  wrapper.innerHTML = reply.html; // rendered and escaped by the server (adapters/web/render-replies.ts)
  return wrapper;
}

function addBot(replies) {
  if (replies.length === 0) return null;
  return addTurn('turn-bot', (item) => {
    item.tabIndex = -1;
    const speaker = document.createElement('span');
    speaker.className = 'visually-hidden';
    speaker.textContent = 'pacebot: ';
    item.append(speaker, ...replies.map(replyElement));
  });
}

/**
 * Focus after a reply: a new form's first field; a reply with buttons, links or a chart (or one that
 * answers a click) takes focus itself, so Tab goes straight to its controls; after a plain text
 * answer to something typed, focus stays in the message box for the next sentence.
 */
function focusAfter(item, origin) {
  if (!item) return;
  const field = item.querySelector('form.card-form input, form.card-form select, form.card-form textarea');
  if (field) {
    field.focus();
    return;
  }
  if (origin || item.querySelector('button, a[href], img')) item.focus({ preventScroll: true });
  item.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

function replaceCard(card, reply) {
  const element = replyElement(reply);
  card.closest('.reply').replaceWith(element);
  return element;
}

/**
 * Sends one turn. What the person sent shows as their bubble at once, except a form's: "Sent: …"
 * shows only once the form was taken, since a form turned back (a field to fix, or refused whole)
 * was not sent on, and a "Sent" bubble would say it was.
 */
async function run(body, echo, origin) {
  if (busy) return;
  const isForm = origin?.tagName === 'FORM';
  if (echo && !isForm) addUser(echo);
  setBusy(true);
  try {
    const replies = await postTurn(body);
    const turnedBack = replies.some((r) => r.kind === 'form_errors' || r.refused);
    if (echo && isForm && !turnedBack) addUser(echo);
    show(replies, origin);
    refreshPickers();
  } catch (error) {
    const note = addNote(error.message, 'error');
    note.setAttribute('role', 'alert');
  } finally {
    setBusy(false);
  }
}

/**
 * The answer always goes at the bottom, after the person's own bubble, so on a phone the answer is
 * where they look; a card or form that was used stays where it was, read-only, as the record.
 */
function show(replies, origin) {
  const card = origin?.closest('article.card');
  const errors = replies.find((r) => r.kind === 'form_errors');
  if (errors && card) {
    // The same form again, with what was typed and a message by each field that needs fixing,
    // moved to the bottom under a line that says why, where the person is looking (on a phone the
    // form's old place may be screens above).
    const element = replaceCard(card, errors);
    const item = addBot(replies.filter((r) => r !== errors)) ?? addTurn('turn-bot', (turn) => { turn.tabIndex = -1; });
    item.append(refusedLine(errors.messages));
    moveDown(element, item);
    const invalid = element.querySelector('[aria-invalid="true"]') ?? element.querySelector('input, select, textarea');
    invalid?.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'start', behavior: 'smooth' });
    return;
  }
  if (origin?.tagName === 'FORM' && replies.some((r) => r.refused)) {
    reopenRefused(origin, addBot(replies));
    return;
  }
  if (replies.some((r) => r.replaces) && card) markAnswered(card);
  if (origin?.tagName === 'FORM') markSent(origin);
  focusAfter(addBot(replies), origin);
}

/**
 * A form turned down as a whole (a lead not known yet, say): nothing was saved, so the form moves
 * down under the answer, still filled in and open, to send again once the problem is sorted.
 */
function reopenRefused(form, item) {
  moveDown(form.closest('.reply'), item);
  item.focus({ preventScroll: true });
  item.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** Moves a reply into a newer turn; the turn it leaves goes if nothing else is in it. */
function moveDown(reply, item) {
  const before = reply.closest('.turn');
  item.append(reply);
  if (before && before !== item && !before.querySelector('.reply')) before.remove();
}

/** "Nothing is saved yet", with each reason, as text: the form below has the same by each field. */
function refusedLine(messages = []) {
  const line = document.createElement('div');
  line.className = 'bubble form-refused';
  line.setAttribute('role', 'alert');
  const lead = document.createElement('p');
  lead.textContent = 'Nothing is saved yet. Please fix this on the form below and send it again:';
  const reasons = document.createElement('ul');
  for (const text of messages) {
    const reason = document.createElement('li');
    reason.textContent = text;
    reasons.append(reason);
  }
  line.append(lead, reasons);
  return line;
}

/** A card whose answer came: its buttons go quiet, so it cannot be confirmed twice. */
function markAnswered(card) {
  for (const button of card.querySelectorAll('button')) button.disabled = true;
  const note = document.createElement('p');
  note.className = 'sent-note';
  note.textContent = 'Answered below.';
  card.append(note);
}

/** A submitted form stays visible, read-only, so the log shows what was sent. */
function markSent(form) {
  for (const control of form.elements) control.disabled = true;
  const note = document.createElement('p');
  note.className = 'sent-note';
  note.textContent = 'Sent.';
  form.append(note);
}

function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = message.value.trim();
  if (!text) return;
  message.value = '';
  run({ text }, text, null);
});

log.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button || button.disabled) return;
  const action = JSON.parse(button.dataset.action);
  run({ action }, button.textContent, button);
});

log.addEventListener('submit', (event) => {
  const form = event.target.closest('form.card-form');
  if (!form) return;
  event.preventDefault();
  const submit = JSON.parse(form.dataset.submit);
  const title = form.querySelector('h4')?.textContent ?? 'form';
  run({ action: { ...submit, values: formValues(form) } }, `Sent: ${title}`, form);
});

async function upload(file) {
  if (busy) return;
  addUser(`Import ${file.name}`);
  if (file.size > MAX_UPLOAD_BYTES) {
    addNote(`${file.name} is larger than 10 MB. Save only the tracker sheet as a .csv and try again.`, 'error').setAttribute('role', 'alert');
    return;
  }
  setBusy(true);
  try {
    const replies = await call(`/web/upload?as=${encodeURIComponent(who())}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
    show(replies, null);
  } catch (error) {
    addNote(error.message, 'error').setAttribute('role', 'alert');
  } finally {
    setBusy(false);
  }
}

trackerFile?.addEventListener('change', () => {
  const file = trackerFile.files?.[0];
  trackerFile.value = '';
  if (file) upload(file);
});

for (const chip of document.querySelectorAll('[data-say]')) {
  chip.addEventListener('click', () => {
    run({ text: chip.dataset.say }, chip.dataset.say, null);
    message.focus();
  });
}

/** Only the page's controls this person may use: a member is not shown an import the bot refuses. */
function offerWhatTheyMay() {
  const person = picker.options[picker.selectedIndex]?.dataset ?? {};
  const upload = document.getElementById('upload-row');
  if (upload) upload.hidden = person.mayImport !== '1';
  if (digestLink) digestLink.hidden = person.mayPreview !== '1';
}

/** The home of whoever "You are" names; returns it once shown (null if it could not be fetched). */
async function welcome() {
  if (digestLink) digestLink.href = `/web/digest-preview?as=${encodeURIComponent(who())}`;
  offerWhatTheyMay();
  let home = null;
  try {
    home = addBot(await call(`/web/welcome?as=${encodeURIComponent(who())}`));
  } catch (error) {
    addNote(error.message, 'error').setAttribute('role', 'alert');
  }
  showPosts();
  return home;
}

// Switching people brings their home on screen, under the note that says who you are now: on a
// phone it was added below the fold, hidden by the message box.
picker.addEventListener('change', async () => {
  localStorage.setItem(STORAGE_KEY, who());
  const note = addNote(`You are now ${whoLabel()}.`);
  const home = await welcome();
  if (home) note.scrollIntoView({ block: 'start', behavior: 'smooth' });
});

// Chips for what a channel refuses (a case reference, a case list) hide there: tapped, they only
// got "Please ask me that in a direct message" (a phone check).
const DIRECT_ONLY_CHIP = /^[A-Za-z]{1,3}[-/_.]?\d{3,8}\b|^my cases$/i;
function fitChipsToPlace() {
  for (const chip of document.querySelectorAll('[data-say]')) {
    chip.hidden = Boolean(wherePicker?.value) && DIRECT_ONLY_CHIP.test(chip.dataset.say);
  }
}

wherePicker?.addEventListener('change', () => {
  showPlace();
  fitChipsToPlace();
  setThread(null);
  const label = wherePicker.options[wherePicker.selectedIndex].textContent;
  const note = addNote(wherePicker.value ? `You are now in ${label}. What you send goes to this channel.` : 'You are back in your direct messages with pacebot.');
  // The other place's turns are hidden now: without this, a phone was left at the top of the conversation.
  note.scrollIntoView({ block: 'end', behavior: 'smooth' });
  showPosts();
});

threadCancel?.addEventListener('click', () => setThread(null));
setInterval(showPosts, CHANNEL_POLL_MS);

const saved = localStorage.getItem(STORAGE_KEY);
if (saved && [...picker.options].some((o) => o.value === saved)) picker.value = saved;
welcome();
