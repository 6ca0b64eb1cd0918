// Loaded with `node --require` into Electron's own install script (node_modules/electron/install.js)
// by electron-binary.mjs. On failure that script prints `err.stack`: a stack trace of the downloader
// whose first line is often only "TypeError: fetch failed", the reason being in `err.cause`. Here an
// error's stack is its message followed by its causes on one line ("TypeError: fetch failed: getaddrinfo
// ENOTFOUND ..."), so `npm start` can say why the download failed in a sentence. Nothing else changes.
'use strict';

Error.prepareStackTrace = (error) => {
  let text = `${error.name}: ${error.message}`;
  const seen = new Set([error]);
  let cause = error.cause;
  while (cause !== undefined && cause !== null && !seen.has(cause)) {
    seen.add(cause);
    text += `: ${cause instanceof Error ? cause.message : String(cause)}`;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return text;
};
