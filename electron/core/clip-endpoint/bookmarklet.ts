/**
 * The bookmarklet the user drags to their bookmarks bar. It holds no secret: it opens the endpoint's
 * own page in a small window and hands it the current page with postMessage, addressed to the
 * endpoint's origin only. That page (which holds the token) asks the user to confirm and sends the
 * clip, so a web page can never post to the endpoint with the user's token.
 */

/** The endpoint's origin for a port. */
export function endpointOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** The `javascript:` URL of the bookmarklet for an endpoint on `port`. */
export function bookmarkletFor(port: number): string {
  const origin = endpointOrigin(port);
  const code = `(()=>{const o=${JSON.stringify(origin)};const w=window.open(o+'/','dossier-clip','width=520,height=420');if(!w){alert('Dossier: allow pop-ups for this site to clip it.');return;}const d={type:'dossier-clip',url:location.href,title:document.title,html:document.documentElement.outerHTML};let n=0;const t=setInterval(()=>{if(++n>60){clearInterval(t);return;}try{w.postMessage(d,o);}catch(e){}},250);addEventListener('message',e=>{if(e.origin===o&&e.data==='dossier-received')clearInterval(t);});})()`;
  return `javascript:${encodeURIComponent(code)}`;
}
