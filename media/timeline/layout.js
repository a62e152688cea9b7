// Corpus Lens timeline: the webview's layout arithmetic, kept apart from the DOM so the unit tests
// (test/client/timelineLayout.test.ts) can run it in a sandbox. Plain ES2020, no dependencies.
// Days are numbers (days since 1970-01-01); x is in pixels from the left edge of the time track.
(function (root) {
  'use strict';

  /** Pixels per day: the zoom's bounds and one step of the buttons. */
  const ZOOM = Object.freeze({ min: 0.01, max: 80, step: 1.5 });
  function clampZoom(pxPerDay) {
    if (!Number.isFinite(pxPerDay) || pxPerDay <= 0) return ZOOM.min;
    return Math.min(ZOOM.max, Math.max(ZOOM.min, pxPerDay));
  }

  /** The zoom that shows `days` in `widthPx`. */
  function fitZoom(days, widthPx) {
    return clampZoom(Math.max(1, widthPx) / Math.max(1, days));
  }

  /** The zoom to bring an event into focus: at least a year across the width, or closer if already so. */
  function focusZoom(pxPerDay, widthPx) {
    return clampZoom(Math.max(pxPerDay, Math.max(1, widthPx) / 365));
  }

  /**
   * Zooms by `factor`, keeping the day under `anchorX` (pixels from the visible track's left edge)
   * where it is. `view` is { pxPerDay, scrollLeft }; returns the new one.
   */
  function zoomAt(view, factor, anchorX) {
    const pxPerDay = clampZoom(view.pxPerDay * factor);
    const day = (view.scrollLeft + anchorX) / view.pxPerDay;
    return { pxPerDay, scrollLeft: Math.max(0, Math.round(day * pxPerDay - anchorX)) };
  }

  /** x of a day on the track. */
  function xOf(day, domainStart, pxPerDay) {
    return (day - domainStart) * pxPerDay;
  }

  /**
   * The ticks to draw at this zoom: the finest level (levels come coarsest first) whose ticks,
   * taken every k-th for one of the level's round steps (quarters of months, decades of years),
   * stand at least `minSpacingPx` apart; failing that, the coarsest level at its largest step.
   * Ticks kept fall on round values (`n % k === 0`). [] without levels.
   */
  function chooseTicks(levels, pxPerDay, minSpacingPx) {
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i];
      const steps = level.steps && level.steps.length > 0 ? level.steps : [1];
      const every = steps.find((k) => level.approxDays * k * pxPerDay >= minSpacingPx);
      if (every !== undefined) return level.ticks.filter((t) => t.n % every === 0);
    }
    if (levels.length === 0) return [];
    const coarsest = levels[0];
    const largest = coarsest.steps && coarsest.steps.length > 0 ? coarsest.steps[coarsest.steps.length - 1] : 1;
    return coarsest.ticks.filter((t) => t.n % largest === 0);
  }

  /**
   * Rows for boxes ({ x, width }) so that no two in a row overlap (with `gap` pixels between):
   * each box takes the first row where it fits, in order of x. Returns each box's row, in the
   * boxes' order, how many rows there are, and each box's room: the distance to the next box in
   * its row (Infinity for the last), which its label may fill.
   */
  function packRows(boxes, gap) {
    const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].x - boxes[b].x || a - b);
    const rowEnds = [];
    const lastInRow = [];
    const rows = new Array(boxes.length);
    const room = boxes.map(() => Infinity);
    for (const i of order) {
      const box = boxes[i];
      let row = rowEnds.findIndex((end) => end + gap <= box.x);
      if (row < 0) row = rowEnds.push(-Infinity) - 1;
      if (lastInRow[row] !== undefined) room[lastInRow[row]] = box.x - boxes[lastInRow[row]].x - gap;
      rowEnds[row] = box.x + box.width;
      lastInRow[row] = i;
      rows[i] = row;
    }
    return { rows, count: rowEnds.length, room };
  }

  root.CorpusLensTimelineLayout = Object.freeze({ ZOOM, clampZoom, fitZoom, focusZoom, zoomAt, xOf, chooseTicks, packRows });
})(globalThis);
