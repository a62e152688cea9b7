// Corpus Lens timeline: the keyboard. The events are one stop of the Tab key (a roving tabindex):
// Left and Right go to the previous and next event of the lane, in time; Up and Down to the nearest
// event in the lane above or below (into and out of the undated list); Home and End to the lane's
// first and last; Enter opens the event (it is a button). The choice of the next event is plain
// arithmetic on positions (`nextStop`, unit-tested in test/client/timelineKeys.test.ts); the rest
// wires it to the page, after every drawing.
(function (root) {
  'use strict';

  /**
   * The stop to move to from stop `from` on `key`. Stops are { lane, x } (lane: the row's index,
   * top to bottom; x: the left edge in pixels); within a lane, stops are given in x order.
   * Returns the index of the next stop, or `from` when there is none that way.
   */
  function nextStop(stops, from, key) {
    const here = stops[from];
    if (!here) return from;
    const inLane = (lane) => stops.map((s, i) => i).filter((i) => stops[i].lane === lane);
    const lane = inLane(here.lane);
    const at = lane.indexOf(from);
    if (key === 'ArrowRight') return lane[Math.min(lane.length - 1, at + 1)];
    if (key === 'ArrowLeft') return lane[Math.max(0, at - 1)];
    if (key === 'Home') return lane[0];
    if (key === 'End') return lane[lane.length - 1];
    if (key !== 'ArrowUp' && key !== 'ArrowDown') return from;
    const lanes = [...new Set(stops.map((s) => s.lane))].sort((a, b) => a - b);
    const next = lanes[lanes.indexOf(here.lane) + (key === 'ArrowDown' ? 1 : -1)];
    if (next === undefined) return from;
    let best = from;
    for (const i of inLane(next)) if (best === from || Math.abs(stops[i].x - here.x) < Math.abs(stops[best].x - here.x)) best = i;
    return best;
  }

  root.CorpusLensTimelineKeys = Object.freeze({ nextStop });

  if (typeof document === 'undefined') return;

  /** The event buttons, in reading order, with their stop: a lane of the chart, or the undated list as the last lanes. */
  function stops() {
    const lanes = [...document.querySelectorAll('#chart .lane')];
    const dated = lanes.flatMap((lane, index) =>
      [...lane.querySelectorAll('button.event')]
        .map((button) => ({ button, lane: index, x: parseFloat(button.style.left) || 0 }))
        .sort((a, b) => a.x - b.x));
    // The undated list: one lane per item, below the chart (Up and Down walk it).
    const undated = [...document.querySelectorAll('#undated-list button')].map((button, i) => ({ button, lane: lanes.length + i, x: 0 }));
    return [...dated, ...undated];
  }

  /** One event is the Tab stop: the focused one if it is still drawn, else the first. */
  function rove() {
    const all = stops();
    const current = all.find((s) => s.button === document.activeElement) || all.find((s) => s.button.classList.contains('focused')) || all[0];
    for (const s of all) s.button.tabIndex = s === current ? 0 : -1;
  }

  document.addEventListener('keydown', (e) => {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = stops();
    const from = all.findIndex((s) => s.button === e.target);
    if (from < 0) return;
    e.preventDefault();
    const to = all[nextStop(all, from, e.key)];
    all[from].button.tabIndex = -1;
    to.button.tabIndex = 0;
    to.button.focus();
    to.button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  // The page draws again on every model, zoom and lane switch.
  const observer = new MutationObserver(rove);
  for (const id of ['chart', 'undated-list']) {
    const node = document.getElementById(id);
    if (node) observer.observe(node, { childList: true, subtree: true });
  }
})(globalThis);
