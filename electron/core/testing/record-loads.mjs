// Module hooks for start-packages.ts: reports every file under node_modules that is loaded as an ES
// module (CommonJS files show in require's cache; ES modules do not) to the thread that registered it,
// and answers "flush" once every report before it has been sent (messages on one port keep their order).
let port;
export function initialize(data) {
  port = data.port;
  port.on('message', (message) => {
    if (message === 'flush') port.postMessage('flushed');
  });
  port.unref();
}
export async function load(url, context, nextLoad) {
  if (url.includes('/node_modules/')) port.postMessage(url);
  return nextLoad(url, context);
}
