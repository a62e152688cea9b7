// Document text is data, never markup: escape it before it goes into a hover.

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:"']/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&').replace(/\r?\n/g, '  \n');
}
