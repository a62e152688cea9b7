// Entities over the protocol: hover cards, definition across documents, references, symbols,
// semantic tokens and the spelling diagnostic, on a copy of the seeds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspSession, positionOf, textAt, uriOf } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

let folder: string;
let client: LspSession;
const seed = (name: string) => path.join(folder, 'seeds', name);
const text = (name: string) => readFileSync(seed(name), 'utf8');
const S000 = '000_de029b9b870dac60.txt';
const S001 = '001_22225b4e410ffef9.txt';

before(async () => ({ folder, client } = await startOnSeeds('entities')));

after(() => stopAndRemove(client, folder));

/** Hover at the n-th occurrence of a needle: the card's markdown must match every pattern. */
const hoverCases: Array<[string, string, string, number, RegExp[]]> = [
  ['a surname shows the full name, type, roles and counts', S001, 'Zhirnov’s meeting', 1, [
    /^\*\*Dmitry Zhirnov\*\* · person/, /Russian Ambassador to Kabul\* — \[000\\_de029b9b870dac60\\\.txt\]\(file:\/\/.*000_de029b9b870dac60\.txt#L\d+,\d+\)/,
    /\d+ mentions in 2 documents: \[000\\_de029b9b870dac60\\\.txt\]/, /Appears most with: .*Sirajuddin Haqqani/,
  ]],
  ['a misspelt name says how the corpus spells it', S000, 'Amin Khan Muttaqi', 1, [/^\*\*Amir Khan Muttaqi\*\* · person/, /Spelled “Amir Khan Muttaqi” \(\d+\), “Amin Khan Muttaqi” \(1\)/]],
  ['a nationality word names its country', S000, 'Afghan Taliban', 1, [/^\*\*Taliban\*\* · organisation/]],
  ['an acronym shows its expansion', S000, 'CSTO', 1, [/^\*\*Collective Security Treaty Organization\*\* · organisation/, /Also: .*CSTO/]],
  ['a name the model typed says why, and how sure it is', S000, 'Dmitry Zhirnov', 1, [/Why a person here: .+ \*\(model, \d+% sure\)\*/]],
  ['a name the curated lexicon lists says the rules typed it', S000, 'Afghan Taliban', 1, [/\*An organisation here by the rules\.\*/]],
];

for (const [name, file, needle, occurrence, patterns] of hoverCases) {
  test(`lsp entities hover: ${name}`, async () => {
    const hover = await client.hover(uriOf(seed(file)), positionOf(text(file), needle, occurrence, 1));
    const value: string = hover?.contents?.value ?? '';
    for (const p of patterns) assert.match(value, p);
  });
}

test('lsp entities: definition goes to the first full name, in another document', async () => {
  const at = positionOf(text(S001), 'Zhirnov’s meeting', 1, 1);
  const [loc] = await client.request('textDocument/definition', { textDocument: { uri: uriOf(seed(S001)) }, position: at });
  assert.equal(loc.uri, uriOf(seed(S000)));
  assert.equal(textAt(text(S000), loc.range), 'Dmitry Zhirnov');
});

test('lsp entities: references list every mention across the corpus', async () => {
  const at = positionOf(text(S000), 'Dmitry Zhirnov', 1, 1);
  const refs = await client.request('textDocument/references', { textDocument: { uri: uriOf(seed(S000)) }, position: at, context: { includeDeclaration: true } });
  const files = new Set(refs.map((r: any) => path.basename(new URL(r.uri).pathname)));
  assert.deepEqual([...files].sort(), [S000, S001]);
  for (const r of refs) {
    const t = textAt(text(path.basename(new URL(r.uri).pathname)), r.range);
    assert.ok(['Dmitry Zhirnov', 'Zhirnov'].includes(t), t);
  }
  assert.ok(refs.length >= 6);
});

test('lsp entities: workspace symbols find "Zhirnov" from anywhere', async () => {
  const symbols = await client.request('workspace/symbol', { query: 'Zhirnov' });
  assert.equal(symbols[0].name, 'Dmitry Zhirnov');
  assert.equal(textAt(text(S000), symbols[0].location.range), 'Dmitry Zhirnov');
});

test('lsp entities: semantic tokens colour mentions by type, the defining mention marked', async () => {
  const init = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(seed(S000)) } });
  const lines = text(S000).split('\n');
  const decoded: string[] = [];
  let line = 0;
  let char = 0;
  const types = ['person', 'organization', 'place', 'nationality', 'other'];
  for (let k = 0; k < init.data.length; k += 5) {
    const [dl, dc, len, type, mods] = init.data.slice(k, k + 5);
    line += dl;
    char = dl ? dc : char + dc;
    decoded.push(`${lines[line].slice(char, char + len)}:${types[type]}${mods & 1 ? ':declaration' : ''}`);
  }
  assert.ok(decoded.includes('Dmitry Zhirnov:person:declaration'), decoded.join(' '));
  assert.ok(decoded.includes('Kabul:place'));
  assert.ok(decoded.includes('Collective Security Treaty Organization:organization:declaration'), decoded.join(' '));
  assert.ok(decoded.includes('Russian:nationality'));
});

test('lsp entities: a variant spelling gets an information diagnostic with a quick fix', async () => {
  const uri = uriOf(seed(S000));
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'entity.spelling'));
  const spelling = diagnostics.find((d) => d.code === 'entity.spelling')!;
  assert.equal(spelling.severity, 3);
  assert.equal(textAt(text(S000), spelling.range), 'Amin Khan Muttaqi');
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: spelling.range, context: { diagnostics: [spelling] } });
  const fix = actions.find((a: any) => a.title.includes('Amir Khan Muttaqi'));
  assert.deepEqual(fix.edit.changes[uri], [{ range: spelling.range, newText: 'Amir Khan Muttaqi' }]);
});

test('lsp: a CodeLens above the title counts events, entities and footnotes', async () => {
  const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: uriOf(seed(S000)) } });
  assert.equal(lenses.length, 1);
  assert.match(lenses[0].command.title, /^\d+ events · \d+ entities · 10 footnotes$/);
  assert.equal(lenses[0].command.command, 'corpusLens.events.showDocument');
  assert.equal(text(S000).split('\n')[lenses[0].range.start.line].startsWith('In Meetings In Kabul'), true);
});

test('lsp: custom requests give entities, their mentions, the entity under the cursor, and events', async () => {
  const entities = await client.request('corpusLens/entities', {});
  const zhirnov = entities.find((e: any) => e.name === 'Dmitry Zhirnov');
  assert.deepEqual([zhirnov.type, zhirnov.documents], ['PERSON', 2]);
  const mentions = await client.request('corpusLens/entityMentions', { id: zhirnov.id });
  assert.equal(mentions.length, zhirnov.mentions);
  const at = await client.request('corpusLens/entityAt', { uri: uriOf(seed(S001)), position: positionOf(text(S001), 'Zhirnov’s meeting', 1, 1) });
  assert.equal(at.id, zhirnov.id);
  const events = await client.request('corpusLens/events', { entity: zhirnov.id });
  const meeting = events.find((e: any) => e.date === '2024-03-05' && e.kind === 'meeting');
  assert.ok(meeting, JSON.stringify(events.map((e: any) => [e.date, e.title])));
  assert.equal(meeting.documents, 2);
  assert.ok(meeting.participants.some((p: any) => p.name === 'Sirajuddin Haqqani'));
  const attack = (await client.request('corpusLens/events', {})).find((e: any) => e.kind === 'attack' && e.date === '2024-03-22');
  assert.equal(attack.documents, 3);
  // Told first by the earliest document by its own date; the seeds 001, 003 and 004 give none.
  assert.deepEqual([meeting.firstReport.uri.split('/').pop(), meeting.firstReport.date], ['000_de029b9b870dac60.txt', '2024-03-11']);
  assert.deepEqual([attack.firstReport.uri.split('/').pop(), attack.firstReport.date], ['002_a35ec57432909395.txt', '2024-11-25']);
  assert.ok(attack.firstReport.title.length > 0);
  // Brief, as the sidebar asks first: no mentions, the same counts; then one event's, by id.
  const brief = (await client.request('corpusLens/events', { brief: true })).find((e: any) => e.id === attack.id);
  assert.deepEqual([brief.mentions, brief.documents, brief.title], [[], 3, attack.title]);
  assert.deepEqual(await client.request('corpusLens/events', { id: attack.id }), [attack]);
});

test('lsp: the Events view\'s tree a level at a time: years with counts, a year\'s months, a month\'s events, filters on the server', async () => {
  const top = await client.request('corpusLens/eventTree', {});
  assert.deepEqual(top.events, []);
  const year = top.groups.find((g: any) => g.key === '2024');
  assert.equal(year.kind, 'year');
  const all = await client.request('corpusLens/events', { brief: true });
  assert.equal(top.groups.reduce((n: number, g: any) => n + g.count, 0), all.length, 'the groups count every event');
  const months = await client.request('corpusLens/eventTree', { group: '2024' });
  const march = months.groups.find((g: any) => g.key === '2024-03');
  assert.deepEqual([march.label, march.kind], ['March', 'month']);
  const inMarch = await client.request('corpusLens/eventTree', { group: '2024-03' });
  assert.equal(inMarch.total, march.count);
  assert.deepEqual(inMarch.events.map((e: any) => e.id), all.filter((e: any) => e.date?.startsWith('2024-03')).map((e: any) => e.id));
  assert.ok(inMarch.events.every((e: any) => e.mentions.length === 0 && e.documents > 0), 'brief');
  // A page, and a filter.
  const page = await client.request('corpusLens/eventTree', { group: '2024-03', offset: 1, limit: 2 });
  assert.deepEqual(page.events.map((e: any) => e.id), inMarch.events.slice(1, 3).map((e: any) => e.id));
  const zhirnov = (await client.request('corpusLens/entities', {})).find((e: any) => e.name === 'Dmitry Zhirnov');
  const filtered = await client.request('corpusLens/eventTree', { entity: zhirnov.id, group: '2024-03' });
  const expected = (await client.request('corpusLens/events', { entity: zhirnov.id, brief: true })).filter((e: any) => e.date?.startsWith('2024-03'));
  assert.deepEqual(filtered.events.map((e: any) => e.id), expected.map((e: any) => e.id));
});

test('lsp: the timeline a window at a time: events when few, counts per lane and period when many, the busiest lanes', async () => {
  const first = await client.request('corpusLens/timeline', { lanes: 'participant' });
  const dated = (await client.request('corpusLens/events', { brief: true })).filter((e: any) => /^\d{4}/.test(e.date ?? ''));
  assert.equal(first.dated, dated.length);
  assert.equal(first.detail, 'events');
  assert.ok(first.window.start >= first.domain.start && first.window.end <= first.domain.end);
  const attack = first.events.find((e: any) => e.kind === 'attack' && e.date === '2024-03-22');
  assert.ok(attack, 'the Crocus attack is in the first view');
  assert.match(attack.detail, /^Attack · 3 documents, first .+ \(2024-11-25\)/);
  assert.ok(attack.lanes.every((k: number) => k < first.lanes.length));
  assert.ok(first.lanes.every((l: any, k: number) => k === 0 || first.lanes[k - 1].count >= l.count), 'busiest first');
  // By document: each lane a seed; the same window, fewer lanes asked for.
  const byDocument = await client.request('corpusLens/timeline', { lanes: 'document', window: first.window, maxLanes: 2 });
  assert.ok(byDocument.lanes.length <= 2 && byDocument.lanes.every((l: any) => l.key.startsWith('document:file://')));
  assert.ok(byDocument.otherLanes > 0);
  // Zoomed out past what can be drawn: counts.
  const counted = await client.request('corpusLens/timeline', { lanes: 'participant', window: first.domain, maxEvents: 1 });
  assert.equal(counted.detail, 'counts');
  assert.equal(counted.counts.length, counted.lanes.length);
  assert.ok(counted.counts.every((row: number[]) => row.length === counted.periods.length));
  // Around an event (Show on Timeline).
  const around = await client.request('corpusLens/timeline', { lanes: 'participant', around: attack.id });
  assert.ok(around.events.some((e: any) => e.id === attack.id));
});
