// Builders of protocol payloads for the client's unit tests: only what a test names differs.
import type { DocumentSummary, EntitySummary, EventMentionSummary, EventSummary } from '../../src/protocol.js';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

export function mention(uri: string, sentence = 'Zhirnov met Haqqani in Kabul.', line = 1): EventMentionSummary {
  return { uri, range: range(line, 8, 11), trigger: 'met', sentence, sentenceRange: range(line, 0, sentence.length), documentTitle: `Title of ${uri.split('/').pop()}` };
}

export function event(id: string, date: string | null, over: Partial<EventSummary> = {}): EventSummary {
  const mentions = over.mentions ?? [mention('file:///c/a.txt')];
  return {
    id, date, kind: 'meeting', title: `Meeting ${id}`, participants: [], place: null,
    documents: new Set(mentions.map((m) => m.uri)).size, firstReport: { uri: mentions[0].uri, title: mentions[0].documentTitle, date: null }, mentions, ...over,
  };
}

export function entity(id: string, type: EntitySummary['type'], over: Partial<EntitySummary> = {}): EntitySummary {
  return { id, name: id, type, mentions: 1, documents: 1, roles: [], definition: { uri: 'file:///c/a.txt', range: range(0, 0, 1) }, ...over };
}

export function documentSummary(over: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    uri: 'file:///c/seeds/000_de029b9b870dac60.txt', title: 'In Meetings In Kabul', dct: '2024-03-11', dctSource: 'header',
    footnoteMarkers: 10, footnoteDefinitions: 10, footnoteProblems: 0, skipped: false, reason: null, entities: 26, dates: 3, events: 10, reviewed: false, userAnnotations: 0, ...over,
  };
}
