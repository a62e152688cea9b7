// How each kind of event looks: its own icon (a codicon) and the colour of its group, the same seven
// groups and colours as the timeline (media/timeline/timeline.css, the legend in timelineHtml.ts),
// so that a reader who learns "red is violence" in one view finds it in the other. No `vscode` here
// (unit-tested in test/client/eventKinds.test.ts): the tree makes ThemeIcons of it.

/** A group of kinds and its colour: a VS Code theme colour id, `charts.blue` (`--vscode-charts-blue` in CSS). */
export interface KindGroup {
  /** The kind that stands for the group in the legend and the CSS (`data-kind`). */
  key: string;
  color: string;
  /** Its kinds, each with its icon. */
  kinds: ReadonlyArray<readonly [kind: string, icon: string]>;
}

export const KIND_GROUPS: readonly KindGroup[] = [
  { key: 'meeting', color: 'charts.blue', kinds: [['meeting', 'comment-discussion'], ['visit', 'location'], ['ceremony', 'bell']] },
  { key: 'attack', color: 'charts.red', kinds: [['attack', 'flame'], ['killing', 'target'], ['invasion', 'arrow-right'], ['crime', 'unlock'], ['escape', 'debug-step-out']] },
  {
    key: 'agreement', color: 'charts.green',
    kinds: [['agreement', 'check-all'], ['decision', 'pass'], ['recognition', 'verified'], ['sanction', 'shield'], ['acquisition', 'briefcase']],
  },
  { key: 'statement', color: 'charts.yellow', kinds: [['statement', 'megaphone'], ['protest', 'organization'], ['launch', 'rocket']] },
  { key: 'arrest', color: 'charts.orange', kinds: [['arrest', 'lock'], ['charge', 'report'], ['trial', 'law'], ['verdict', 'checklist'], ['sentence', 'clock']] },
  {
    key: 'election', color: 'charts.purple',
    kinds: [['election', 'inbox'], ['appointment', 'person-add'], ['resignation', 'sign-out'], ['dismissal', 'close'], ['contest', 'star-full']],
  },
  {
    key: 'other', color: 'charts.foreground',
    kinds: [
      ['death', 'circle-slash'], ['disaster', 'zap'], ['accident', 'warning'], ['injury', 'pulse'], ['damage', 'debug-disconnect'], ['treatment', 'heart'],
      ['withdrawal', 'arrow-left'], ['other', 'symbol-event'],
    ],
  },
];

const STYLES = new Map(KIND_GROUPS.flatMap((g) => g.kinds.map(([kind, icon]) => [kind, { icon, color: g.color }] as const)));

/** The icon and colour of a kind; a kind this client does not know (a newer server's) is drawn as `other`. */
export function kindStyle(kind: string): { icon: string; color: string } {
  return STYLES.get(kind) ?? STYLES.get('other')!;
}

/** "Meeting, visit": the kinds of a group, for the legend. */
export function groupLabel(group: KindGroup): string {
  const names = group.kinds.map(([kind]) => kind).join(', ');
  return names[0].toUpperCase() + names.slice(1);
}
