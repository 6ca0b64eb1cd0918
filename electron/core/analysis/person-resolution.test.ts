/**
 * People across articles: a new mention joins a known person only on evidence. Sentences written for
 * this test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, type AnalysisFixture } from './testing';

describe('people across articles', () => {
  let f: AnalysisFixture;
  beforeEach(() => {
    f = openFixture();
  });
  afterEach(() => f.close());

  const store = (text: string): void => f.analysis.sourceStored(f.addSource(text));
  const peopleIn = async (text: string): Promise<string[]> => {
    const id = f.addSource(text);
    f.analysis.sourceStored(id);
    const analysis = await f.analysis.getSourceAnalysis(id);
    return analysis.entities.filter((e) => e.kind === 'person').map((e) => e.name);
  };
  const obamas = async (): Promise<string[]> =>
    (await f.analysis.listEntities({ kinds: ['person'], query: 'obama' })).map((p) => p.name).sort();

  it('sends "President Obama" to the known president, not to Michelle Obama', async () => {
    store('President Barack Obama spoke in Chicago on Monday about the economy.');
    store('First Lady Michelle Obama visited a school in Ohio on Tuesday.');
    expect(await peopleIn('President Obama signed the bill on Friday in Washington.')).toEqual([
      'Barack Obama',
    ]);
    expect(await obamas()).toEqual(['Barack Obama', 'Michelle Obama']);
  });

  it('never gives a bare surname shared by two known people to either of them', async () => {
    store('President Barack Obama spoke in Chicago on Monday about the economy.');
    store('First Lady Michelle Obama visited a school in Ohio on Tuesday.');
    expect(await peopleIn('Obama arrived in Chicago late on Friday.')).toEqual(['Obama']);
    expect(await obamas()).toEqual(['Barack Obama', 'Michelle Obama', 'Obama']);
  });

  it('does not let Michelle Obama absorb a president called Obama', async () => {
    store('First Lady Michelle Obama visited a school in Ohio on Tuesday.');
    expect(await peopleIn('President Obama signed the bill on Friday in Washington.')).toEqual(['Obama']);
    expect(await obamas()).toEqual(['Michelle Obama', 'Obama']);
  });

  it('takes a short form of the given name for the same person', async () => {
    store('The engineer Joshua Apte opened the new bridge in Leeds on Monday.');
    expect(await peopleIn('Josh Apte said the bridge cost less than planned.')).toEqual(['Joshua Apte']);
    expect((await f.analysis.listEntities({ kinds: ['person'], query: 'apte' })).map((p) => p.name)).toEqual([
      'Joshua Apte',
    ]);
  });

  it('keeps two people with the same surname and different given names apart', async () => {
    store('Senator Paul Grant spoke in Boston on Monday.');
    expect(await peopleIn('Susan Grant opened her gallery in Boston on Tuesday.')).toEqual(['Susan Grant']);
  });

  it('lists only people on the People page of a small library: no studios, agencies, places or films', async () => {
    store(
      'Photo: Getty Images. Marvel Studios will shoot its next film in the San Francisco Bay Area, ' +
        'the producer Dana Whitlock said on Monday.',
    );
    store('Dana Whitlock watched "Mary Poppins" with her son before she went on "Meet the Press".');
    store(
      'MORE: Reuters reported that the Department of Energy and Stanford University will share the site. ' +
        'Whitlock said she was pleased.',
    );
    const people = (await f.analysis.listEntities({ kinds: ['person'] })).map((p) => p.name);
    expect(people).toEqual(['Dana Whitlock']);
    const organizations = (await f.analysis.listEntities({ kinds: ['org'] })).map((p) => p.name);
    expect(organizations).toEqual(expect.arrayContaining(['Getty Images', 'Marvel Studios', 'Reuters']));
    for (const junk of ['MORE', 'Department', 'University']) expect(organizations).not.toContain(junk);
  });

  it('renames a person known by surname only when the full name arrives with a fitting title', async () => {
    store('Mayor Okafor opened the market in Lagos on Monday.');
    expect(await peopleIn('Mayor Chidi Okafor closed the market in Lagos on Friday.')).toEqual([
      'Chidi Okafor',
    ]);
    expect(
      (await f.analysis.listEntities({ kinds: ['person'], query: 'okafor' })).map((p) => p.name),
    ).toEqual(['Chidi Okafor']);
  });
});
