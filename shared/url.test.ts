import { describe, expect, it } from 'vitest';
import { isHttpUrl, parseHttpUrl } from './url';

describe('isHttpUrl', () => {
  it('accepts absolute http(s) addresses with a host', () => {
    for (const url of [
      'https://a.example/',
      'http://a.example/x?y=1#z',
      'HTTPS://A.EXAMPLE',
      'http://[::1]:8080/',
    ]) {
      expect(isHttpUrl(url), url).toBe(true);
    }
  });

  it('refuses other schemes, missing hosts and whitespace', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      'blob:https://a.example/1',
      'data:text/html,x',
      'app://dossier/index.html',
      'ws://a.example/',
      'http:///x',
      'http:a.example',
      'https://',
      'http://a.example/a b',
      ' https://a.example/',
      'a.example',
      '',
    ]) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });

  it('resolves an href against its page, keeping only http(s) results', () => {
    expect(parseHttpUrl('/img/a.png', 'https://a.example/story')?.href).toBe('https://a.example/img/a.png');
    expect(parseHttpUrl('javascript:x', 'https://a.example/')).toBeNull();
    expect(parseHttpUrl('b.png', undefined)).toBeNull();
  });
});
