// The Review view's wording, as plain data: each name's row and the row that loads more. No
// `vscode` here (unit-tested in test/client/).
import type { ReviewItem } from '../../protocol.js';
import { shorten } from '../format.js';
import { ENTITY_TYPES } from './entityGroups.js';

/** "Organisation". */
export function typeLabel(type: string): string {
  return ENTITY_TYPES.find((t) => t.type === type)?.label ?? type;
}

/** "41% sure" (never 0% or 100%: the model is never certain), or "by the rules"; for a possible name, "62% sure it is none". */
export function surenessLabel(item: Pick<ReviewItem, 'confidence' | 'possible'>): string {
  if (item.confidence === null) return 'by the rules';
  const sure = `${Math.min(99, Math.max(1, Math.round(item.confidence * 100)))}% sure`;
  return item.possible ? `${sure} it is none` : sure;
}

/** "Organisation", or "Organisation?" for a span the model nearly read as one. */
function typeOfRow(item: Pick<ReviewItem, 'type' | 'possible'>): string {
  return item.possible ? `${typeLabel(item.type)}?` : typeLabel(item.type);
}

/** "Organisation · 41% sure · Kabul talks", with "· learned ·" before the document when the last decisions changed it. */
export function reviewDescription(item: ReviewItem): string {
  return [typeOfRow(item), surenessLabel(item), ...(item.changed ? ['learned'] : []), shorten(item.documentTitle, 40)].join(' · ');
}

/** The row's hover: the name in its line, then what the machine said and where. */
export function reviewTooltip(item: ReviewItem): string {
  const before = item.before.length > 0 ? `…${item.before.trimStart()}` : '';
  const learned = item.changed ? '\n\nRead so since the model learned from your last decisions.' : '';
  const said = item.possible
    ? `Nearly read as a name (${typeLabel(item.type)}), ${surenessLabel(item)}, in ${item.documentTitle}: accept to mark it so`
    : `${typeLabel(item.type)}, ${surenessLabel(item)}, in ${item.documentTitle}`;
  return `${before}«${item.text}»${item.after.trimEnd()}…\n\n${said}${learned}`;
}

/** "Show 100 more (200 of 1,234)". */
export function moreLabel(shown: number, total: number, page: number): string {
  return `Show ${Math.min(page, total - shown).toLocaleString('en-US')} more (${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')})`;
}
