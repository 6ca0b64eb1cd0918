/**
 * The endpoint's own page, opened by the bookmarklet in a small window. It pairs the browser (code ->
 * token, kept in this origin's localStorage), receives the page to clip from the bookmarklet by
 * postMessage, shows what it got and sends it only when the user presses "Clip" — so a site that
 * opens this window itself cannot file anything without the user's click.
 *
 * A message counts only when it comes from the window that opened this one (another page that got
 * hold of the window by its name cannot slip a clip in). What is shown and stored as the sender is
 * the origin the browser reports for the message, not the URL the page gives: a page on one site
 * can claim to be an article of another, and then the window says so and the source keeps the URL
 * as a claim. The window answers only a page whose claimed URL is on its own origin, and only to
 * that origin.
 *
 * Served with a CSP that allows only its own script and style and connections to itself.
 */

/** Content-Security-Policy of the page and its script. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Clip to Dossier</title>
<link rel="stylesheet" href="/clip.css">
<script src="/clip.js" defer></script>
</head>
<body>
<main>
  <h1>Clip to Dossier</h1>
  <section id="pair" hidden>
    <p>This browser is not paired with Dossier yet. In Dossier, open <b>Settings → Browser clipping</b>,
    press <b>Pair a browser</b> and type the code shown there.</p>
    <form id="pair-form">
      <label for="code">Pairing code</label>
      <input id="code" name="code" autocomplete="off" spellcheck="false" placeholder="ABCD-EFGH" required>
      <button type="submit">Pair</button>
    </form>
  </section>
  <section id="clip" hidden>
    <p id="what">Waiting for a page… Use the Dossier bookmarklet on the article you want to clip.</p>
    <p id="sender" hidden>Sent by <b id="sender-origin"></b></p>
    <p id="claimed" class="warning" hidden></p>
    <button id="clip-button" type="button" disabled>Clip</button>
    <button id="update-button" type="button" hidden>Update the stored copy</button>
  </section>
  <p id="status" role="status"></p>
</main>
</body>
</html>
`;

export const PAGE_CSS = `
:root { color-scheme: light dark; font: 15px/1.45 system-ui, sans-serif; }
main { max-width: 32rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.2rem; }
input { font: inherit; padding: .35rem .5rem; width: 10rem; text-transform: uppercase; }
button { font: inherit; padding: .4rem .9rem; margin-right: .5rem; }
#status { min-height: 1.5em; }
.error { color: #c62828; }
.warning { color: #8a4b00; }
.ok { color: #2e7d32; }
`;

export const PAGE_SCRIPT = `'use strict';
const TOKEN_KEY = 'dossier-clip-token';
const $ = (id) => document.getElementById(id);
let pending = null;

function status(text, kind) {
  const el = $('status');
  el.textContent = text;
  el.className = kind || '';
}

function originOf(url) {
  try { return new URL(url).origin; } catch (e) { return null; }
}

function show() {
  const paired = localStorage.getItem(TOKEN_KEY) !== null;
  $('pair').hidden = paired;
  $('clip').hidden = !paired;
  if (pending) {
    const sender = pending.origin === 'null' ? 'a page with no origin (a sandboxed frame or a file)' : pending.origin;
    $('what').textContent = 'Clip “' + (pending.title || 'Untitled') + '”?';
    $('sender').hidden = false;
    $('sender-origin').textContent = sender;
    const claimed = pending.url !== '' && originOf(pending.url) !== pending.origin;
    $('claimed').hidden = !claimed;
    $('claimed').textContent = claimed
      ? 'It says it is ' + pending.url + ', which is not on ' + sender + '. Dossier cannot check that: the ' +
        'address is kept as a claim, marked as such.'
      : '';
    $('clip-button').disabled = false;
  }
}

async function post(path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  let data = {};
  try { data = await response.json(); } catch (e) { /* an empty or non-JSON answer */ }
  return { status: response.status, data };
}

$('pair-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  status('Pairing…');
  const name = navigator.userAgent.replace(/\\s+/g, ' ').slice(0, 120);
  const { status: code, data } = await post('/pair', { code: $('code').value, name });
  if (code === 200 && typeof data.token === 'string') {
    localStorage.setItem(TOKEN_KEY, data.token);
    status('Paired. You can clip pages from this browser now.', 'ok');
    show();
  } else {
    status(data.message || 'Pairing failed.', 'error');
  }
});

async function clip(onDuplicate) {
  if (!pending) return;
  $('clip-button').disabled = true;
  $('update-button').hidden = true;
  status('Clipping…');
  const token = localStorage.getItem(TOKEN_KEY);
  const { status: code, data } = await post('/clip', { ...pending, onDuplicate }, token);
  if (code === 401) {
    localStorage.removeItem(TOKEN_KEY);
    status('Dossier no longer knows this browser. Pair it again.', 'error');
    show();
  } else if (code === 200 && data.status === 'duplicate') {
    status('Already in your library as “' + data.title + '”.', 'ok');
    $('update-button').hidden = false;
  } else if (code === 200) {
    status('Clipped “' + data.title + '” into Dossier.', 'ok');
  } else {
    status(data.message || 'Clipping failed.', 'error');
    $('clip-button').disabled = false;
  }
}

$('clip-button').addEventListener('click', () => clip('ask'));
$('update-button').addEventListener('click', () => clip('update'));

window.addEventListener('message', (event) => {
  // Only the window that opened this one: not another window that found it by its name.
  if (event.source === null || event.source !== window.opener) return;
  const data = event.data;
  if (!data || data.type !== 'dossier-clip' || typeof data.html !== 'string') return;
  const url = String(data.url || '');
  pending = { html: data.html, url, title: String(data.title || ''), origin: event.origin };
  // The bookmarklet stops resending once answered. Only a page that is where it says it is hears
  // back, and only at its own origin, never '*'.
  if (event.origin !== 'null' && originOf(url) === event.origin) {
    event.source.postMessage('dossier-received', event.origin);
  }
  show();
});

show();
`;
