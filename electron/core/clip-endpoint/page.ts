/**
 * The endpoint's own page, opened by the bookmarklet in a small window. It pairs the browser (code ->
 * token, kept in this origin's localStorage), receives the page to clip from the bookmarklet by
 * postMessage, shows what it got and sends it only when the user presses "Clip" — so a site that
 * opens this window itself cannot file anything without the user's click.
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

function show() {
  const paired = localStorage.getItem(TOKEN_KEY) !== null;
  $('pair').hidden = paired;
  $('clip').hidden = !paired;
  if (pending) {
    let site = pending.url;
    try { site = new URL(pending.url).host; } catch (e) { /* keep the raw text */ }
    $('what').textContent = 'Clip “' + (pending.title || 'Untitled') + '” from ' + site + '?';
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
  const data = event.data;
  if (!data || data.type !== 'dossier-clip' || typeof data.html !== 'string') return;
  pending = { html: data.html, url: String(data.url || ''), title: String(data.title || '') };
  if (event.source) event.source.postMessage('dossier-received', event.origin);
  show();
});

show();
`;
