// Hover cards as markdown. Every piece of document text goes through escapeMarkdown.
import type { HoverInfo } from '../core/index.js';
import { escapeMarkdown } from './markdown.js';

export function hoverMarkdown(info: HoverInfo): string {
  if (info.kind === 'footnote-marker') {
    const heading = `**Footnote [${info.label}]**`;
    if (info.definitions.length === 0) return `${heading}\n\n*No definition in the notes.*`;
    const texts = info.definitions.map((d) => (d.text ? escapeMarkdown(d.text) : '*(empty definition)*'));
    if (texts.length === 1) return `${heading}\n\n${texts[0]}`;
    return `${heading} *(defined ${texts.length} times)*\n\n${texts.map((t, i) => `${i + 1}. ${t}`).join('\n')}`;
  }
  const cited = info.citations === 0 ? 'never cited in the text' : info.citations === 1 ? 'cited once in the text' : `cited ${info.citations} times in the text`;
  return `**Footnote [${info.label}]** · ${cited}`;
}
