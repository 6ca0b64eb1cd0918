import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { lexicalPlainText } from './plain-text';

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: t,
  type: 'text',
  version: 1,
  ...extra,
});
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
});

/** An editor state as Lexical 0.50 serializes it. */
const STATE = {
  root: element('root', [
    element('heading', [text('Field notes')], { tag: 'h1' }),
    element('paragraph', [
      text('The minister '),
      text('said', { format: 1 }),
      text(' it was '),
      element('link', [text('on record')], {
        url: 'https://example.org',
        rel: null,
        target: null,
        title: null,
      }),
      text('.'),
      { type: 'linebreak', version: 1 },
      text('Second line.'),
    ]),
    element('paragraph', []),
    element(
      'list',
      [
        element('listitem', [text('First')], { value: 1 }),
        element('listitem', [text('Second')], { value: 2 }),
        element(
          'listitem',
          [element('list', [element('listitem', [text('Nested')], { value: 1 })], { listType: 'bullet' })],
          {
            value: 3,
          },
        ),
      ],
      { listType: 'number', start: 1, tag: 'ol' },
    ),
    element('quote', [text('“We will not comment,” she said.')]),
    element('paragraph', [
      text('a'),
      { type: 'tab', text: '\t', detail: 2, format: 0, mode: 'normal', style: '', version: 1 },
      text('b'),
    ]),
  ]),
};

describe('lexicalPlainText', () => {
  it('derives one line per block from a realistic state', () => {
    expect(lexicalPlainText(JSON.stringify(STATE))).toBe(
      [
        'Field notes',
        'The minister said it was on record.\nSecond line.',
        '',
        'First',
        'Second',
        'Nested',
        '“We will not comment,” she said.',
        'a\tb',
      ].join('\n'),
    );
  });

  it('gives "" for a note never edited and for an empty editor', () => {
    expect(lexicalPlainText('')).toBe('');
    expect(lexicalPlainText(JSON.stringify({ root: element('root', [element('paragraph', [])]) }))).toBe('');
  });

  it('skips decorator nodes without text', () => {
    const state = {
      root: element('root', [{ type: 'horizontalrule', version: 1 }, element('paragraph', [text('x')])]),
    };
    expect(lexicalPlainText(JSON.stringify(state))).toBe('x');
  });

  it.each([
    ['not JSON', '{"root":'],
    ['not an object', '[1,2]'],
    ['no root', '{"foo":1}'],
    ['root without children', '{"root":{"type":"root"}}'],
    ['children not a list', '{"root":{"children":{"a":1}}}'],
    ['a node that is not an object', '{"root":{"children":[1]}}'],
  ])('refuses %s with INVALID_ARGUMENT', (_what, content) => {
    let caught: unknown;
    try {
      lexicalPlainText(content);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe('INVALID_ARGUMENT');
    expect((caught as ApiError).message).toMatch(/not a valid editor state/);
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    const depth = 2000;
    const content = `{"root":{"children":[${'{"type":"paragraph","children":['.repeat(depth)}${']}'.repeat(depth)}]}}`;
    expect(() => lexicalPlainText(content)).toThrow(/nested too deeply/);
  });
});
