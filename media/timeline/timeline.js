// Corpus Lens timeline: draws the window the extension sends (see src/client/timeline/messages.ts
// and timelineModel.ts): its events when zoomed in, counts per lane and period when zoomed out.
// Panning and zooming ask for the window shown; clicks are reported back. Every piece of document
// text goes into the page with textContent or as an attribute value set through the DOM, never as
// markup.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const L = globalThis.CorpusLensTimelineLayout;

  /** Width of the lane label column, px; the stylesheet reads it from --label-width. */
  const LABEL_WIDTH = 200;
  const ROW_HEIGHT = 26;
  const LANE_PADDING = 6;
  const MARK_MIN_WIDTH = 10;
  /** An event's label takes up to this much room; where the next event is closer, it is cut (the tooltip has it all). */
  const LABEL_MAX_WIDTH = 300;
  /** Less room than this and the event moves to another row rather than lose its label. */
  const LABEL_MIN_WIDTH = 110;
  const MIN_TICK_SPACING = 56;
  /** After panning or zooming stops for this long, the window shown is asked for. */
  const WINDOW_DELAY_MS = 120;

  const saved = vscode.getState() || {};
  const state = {
    laneMode: saved.laneMode === 'document' ? 'document' : 'participant',
    /** Pixels per day; null until the user zooms: the first view the server chose, fitted. */
    pxPerDay: typeof saved.pxPerDay === 'number' ? saved.pxPerDay : null,
  };
  let model = null;
  let focusedId = null;
  /** The zoom the model's window was asked at: another zoom asks again (the detail may change). */
  let modelZoom = null;
  /** The first window the server chose (the bulk of the events), shown fitted until the user zooms. */
  let firstWindow = null;

  const $ = (id) => document.getElementById(id);
  const chart = $('chart');
  const message = $('message');
  const summary = $('summary');
  const undatedSection = $('undated');
  const undatedHeading = $('undated-heading');
  const undatedList = $('undated-list');
  document.documentElement.style.setProperty('--label-width', `${LABEL_WIDTH}px`);

  const measure = document.createElement('canvas').getContext('2d');
  function textWidth(text) {
    if (!measure) return text.length * 7;
    measure.font = getComputedStyle(document.body).font;
    return measure.measureText(text).width;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function save() {
    vscode.setState({ laneMode: state.laneMode, pxPerDay: state.pxPerDay });
  }

  function trackWidth() {
    return Math.max(100, chart.clientWidth - LABEL_WIDTH - 16);
  }

  /** The width a fitted span takes: room is left on the right for the last event's label. */
  function fitWidth() {
    return Math.max(100, trackWidth() - 160);
  }

  /** The first view: the window the server chose first (the bulk of the events), fitted. */
  function initialView() {
    const window = firstWindow || model.domain;
    const pxPerDay = L.fitZoom(window.end - window.start, fitWidth());
    return { pxPerDay, scrollLeft: Math.round((window.start - model.domain.start) * pxPerDay) };
  }

  function currentZoom() {
    if (!model || !model.domain) return 1;
    return state.pxPerDay === null ? initialView().pxPerDay : L.clampZoom(state.pxPerDay);
  }

  /** The days in view: [start, end). */
  function visibleDays() {
    const pxPerDay = currentZoom();
    const start = model.domain.start + chart.scrollLeft / pxPerDay;
    return { start, end: start + trackWidth() / pxPerDay };
  }

  /** Asks for the days in view, with half a view's margin each side, unless the model holds them at this zoom. */
  function askForView() {
    if (!model || !model.domain) return;
    const { start, end } = visibleDays();
    const w = model.window;
    if (w && modelZoom === currentZoom() && w.start <= start && end <= w.end) return;
    const margin = (end - start) / 2;
    modelZoom = currentZoom();
    vscode.postMessage({ type: 'window', lanes: state.laneMode, start: Math.floor(start - margin), end: Math.ceil(end + margin) });
  }

  let windowTimer = 0;
  function askSoon() {
    clearTimeout(windowTimer);
    windowTimer = setTimeout(askForView, WINDOW_DELAY_MS);
  }

  function openEvent(id) {
    vscode.postMessage({ type: 'openEvent', id });
  }

  function eventButton(event, className) {
    const button = el('button', className);
    button.type = 'button';
    button.dataset.id = event.id;
    button.dataset.kind = event.kind;
    button.title = `${event.date ? event.date + ' — ' : ''}${event.title}\n${event.detail}`;
    // What a screen reader says: "2024-03-05, meeting: Zhirnov meets Haqqani in Kabul" (the colour alone says the kind to no one).
    button.setAttribute('aria-label', `${event.date ? event.date + ', ' : ''}${event.kind}: ${event.title}`);
    button.addEventListener('click', () => openEvent(event.id));
    return button;
  }

  /** Draws the model again, keeping the scroll position. */
  function render() {
    const left = chart.scrollLeft;
    const top = chart.scrollTop;
    // A redraw (a pan asked for another window, the index changed) keeps the keyboard on its event,
    // or at least in the chart: else the focus falls to the page and the reader loses the place.
    // An event is drawn once in each of its lanes: the same lane's drawing, then any.
    const active = document.activeElement;
    const inPage = active && active !== document.body && (chart.contains(active) || undatedList.contains(active));
    const kept = inPage ? { id: active.dataset.id, lane: laneIndexOf(active) } : null;
    draw();
    chart.scrollLeft = left;
    chart.scrollTop = top;
    if (!kept) return;
    const drawings = kept.id ? [...document.querySelectorAll('button[data-id]')].filter((b) => b.dataset.id === kept.id) : [];
    const again = drawings.find((b) => laneIndexOf(b) === kept.lane) || drawings[0];
    (again || chart).focus({ preventScroll: true });
  }

  function laneIndexOf(node) {
    const lane = node.closest('.lane');
    return lane ? [...chart.querySelectorAll('.lane')].indexOf(lane) : -1;
  }

  function draw() {
    document.getElementById('lanes-participant').setAttribute('aria-checked', String(state.laneMode === 'participant'));
    document.getElementById('lanes-document').setAttribute('aria-checked', String(state.laneMode === 'document'));
    chart.replaceChildren();
    undatedList.replaceChildren();
    if (!model) return;
    const dated = model.dated;
    const undated = model.undated;
    summary.textContent = `${dated} dated event${dated === 1 ? '' : 's'} · ${undated} undated`;
    summary.title = model.detail === 'counts'
      ? `${model.inWindow} events in this window: counted per lane and period; zoom in to see them one by one.`
      : `${model.inWindow} events in this window.`;
    message.hidden = !model.message && dated > 0;
    message.textContent = model.message || (dated === 0 ? 'No dated events yet: the events below have no date the reports agree on.' : '');
    chart.hidden = dated === 0;
    for (const b of document.querySelectorAll('.zoom button')) b.disabled = dated === 0;
    if (dated > 0) renderChart();
    renderUndated();
    if (focusedId) highlight(focusedId, false);
  }

  function renderChart() {
    const { domain } = model;
    const pxPerDay = currentZoom();
    const width = Math.ceil((domain.end - domain.start) * pxPerDay);
    const canvas = el('div', 'canvas');
    // Room on the right for the labels of the last events.
    canvas.style.width = `${LABEL_WIDTH + width + LABEL_MAX_WIDTH}px`;

    const axis = el('div', 'axis');
    axis.append(el('div', 'corner', state.laneMode === 'participant' ? 'Participant' : 'Document'));
    const axisTrack = el('div', 'axis-track');
    axisTrack.style.width = `${width + LABEL_MAX_WIDTH}px`;
    const grid = el('div', 'grid');
    grid.style.left = `${LABEL_WIDTH}px`;
    grid.style.width = `${width}px`;
    for (const tick of L.chooseTicks(model.tickLevels, pxPerDay, MIN_TICK_SPACING)) {
      const x = L.xOf(tick.day, domain.start, pxPerDay);
      const label = el('span', 'tick', tick.label);
      label.style.left = `${x}px`;
      axisTrack.append(label);
      const line = el('div', 'gridline');
      line.style.left = `${x}px`;
      grid.append(line);
    }
    axis.append(axisTrack);

    const lanes = el('div', 'lanes');
    lanes.append(grid);
    const most = Math.max(1, ...model.lanes.flatMap((lane) => lane.counts));
    for (const lane of model.lanes) {
      const row = el('div', 'lane');
      const label = el('div', 'lane-label', lane.label);
      label.title = `${lane.label}\n${lane.detail} · ${lane.count} event${lane.count === 1 ? '' : 's'} in this window`;
      const track = el('div', 'lane-track');
      track.style.width = `${width + LABEL_MAX_WIDTH}px`;
      if (model.detail === 'counts') {
        // Zoomed out: how many events start in each period, darker for more.
        lane.counts.forEach((count, p) => {
          if (count === 0) return;
          const period = model.periods[p];
          const cell = el('span', 'count', String(count));
          cell.style.left = `${L.xOf(period.start, domain.start, pxPerDay)}px`;
          cell.style.width = `${Math.max(1, (period.end - period.start) * pxPerDay - 1)}px`;
          cell.style.setProperty('--share', String(count / most));
          cell.title = `${lane.label}, ${period.label}: ${count} event${count === 1 ? '' : 's'}`;
          track.append(cell);
        });
        track.style.height = `${ROW_HEIGHT + LANE_PADDING}px`;
        row.append(label, track);
        lanes.append(row);
        continue;
      }
      const boxes = lane.events.map((index) => {
        const event = model.events[index];
        const x = L.xOf(event.start, domain.start, pxPerDay);
        const markWidth = Math.max(MARK_MIN_WIDTH, (event.end - event.start) * pxPerDay);
        const text = `${event.date} ${event.title}`;
        const textRoom = Math.min(LABEL_MAX_WIDTH, textWidth(text) + 8);
        return { event, x, markWidth, text, width: markWidth + 4 + Math.min(textRoom, LABEL_MIN_WIDTH) };
      });
      const packed = L.packRows(boxes, 8);
      boxes.forEach((box, i) => {
        const button = eventButton(box.event, 'event');
        button.style.left = `${box.x}px`;
        button.style.top = `${LANE_PADDING / 2 + packed.rows[i] * ROW_HEIGHT}px`;
        const mark = el('span', 'mark');
        mark.style.width = `${box.markWidth}px`;
        const text = el('span', 'event-label', box.text);
        text.style.maxWidth = `${Math.max(0, Math.min(LABEL_MAX_WIDTH, packed.room[i] - box.markWidth - 4))}px`;
        button.append(mark, text);
        track.append(button);
      });
      track.style.height = `${Math.max(1, packed.count) * ROW_HEIGHT + LANE_PADDING}px`;
      row.append(label, track);
      lanes.append(row);
    }
    if (model.otherLanes > 0) {
      const more = el('div', 'lane-label more-lanes', `${model.otherLanes} more lane${model.otherLanes === 1 ? '' : 's'} in this window`);
      lanes.append(more);
    }
    canvas.append(axis, lanes);
    chart.append(canvas);
  }

  function renderUndated() {
    undatedSection.hidden = model.undated === 0;
    undatedHeading.textContent = `Undated (${model.undated})`;
    for (const event of model.undatedEvents) {
      const item = el('li');
      const button = eventButton(event, 'undated-event');
      button.append(el('span', 'undated-title', event.title), el('span', 'undated-detail', event.detail));
      item.append(button);
      undatedList.append(item);
    }
    const rest = model.undated - model.undatedEvents.length;
    if (rest > 0) undatedList.append(el('li', 'undated-more', `and ${rest} more, under Undated in the Events view`));
  }

  /** Marks every drawing of the event; with `scroll`, brings the first into view and focuses it. */
  function highlight(id, scroll) {
    focusedId = id;
    const dated = model && model.events.some((e) => e.id === id);
    if (scroll && dated) {
      // Close enough to see the event among its neighbours.
      const zoom = L.focusZoom(currentZoom(), trackWidth());
      if (zoom > currentZoom()) {
        state.pxPerDay = zoom;
        save();
        render();
      }
    }
    for (const node of document.querySelectorAll('.focused')) node.classList.remove('focused');
    const matches = [...document.querySelectorAll('[data-id]')].filter((node) => node.dataset.id === id);
    for (const node of matches) node.classList.add('focused');
    if (scroll && matches.length > 0) {
      matches[0].scrollIntoView({ block: 'center', inline: 'center' });
      matches[0].focus({ preventScroll: true });
    }
  }

  function zoomBy(factor, anchorX) {
    if (!model || !model.domain) return;
    const view = { pxPerDay: currentZoom(), scrollLeft: chart.scrollLeft };
    const anchor = anchorX === undefined ? trackWidth() / 2 : anchorX;
    const next = L.zoomAt(view, factor, anchor);
    state.pxPerDay = next.pxPerDay;
    save();
    render();
    chart.scrollLeft = next.scrollLeft;
    askSoon();
  }

  document.getElementById('zoom-in').addEventListener('click', () => zoomBy(L.ZOOM.step));
  document.getElementById('zoom-out').addEventListener('click', () => zoomBy(1 / L.ZOOM.step));
  document.getElementById('zoom-fit').addEventListener('click', () => {
    if (!model || !model.domain) return;
    state.pxPerDay = L.fitZoom(model.domain.end - model.domain.start, fitWidth());
    save();
    render();
    chart.scrollLeft = 0;
    askSoon();
  });
  chart.addEventListener('scroll', askSoon, { passive: true });
  chart.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      const anchor = e.clientX - chart.getBoundingClientRect().left - LABEL_WIDTH;
      zoomBy(e.deltaY < 0 ? 1.25 : 1 / 1.25, Math.max(0, anchor));
    },
    { passive: false },
  );
  chart.addEventListener('keydown', (e) => {
    if (e.key === '+' || e.key === '=') zoomBy(L.ZOOM.step);
    else if (e.key === '-') zoomBy(1 / L.ZOOM.step);
    else return;
    e.preventDefault();
  });
  for (const mode of ['participant', 'document']) {
    document.getElementById(`lanes-${mode}`).addEventListener('click', () => {
      if (state.laneMode === mode) return;
      state.laneMode = mode;
      save();
      modelZoom = null;
      askForView();
    });
  }
  let resizeFrame = 0;
  window.addEventListener('resize', () => {
    if (state.pxPerDay !== null || !model || !model.domain) return;
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      render();
      chart.scrollLeft = initialView().scrollLeft;
      askSoon();
    });
  });

  window.addEventListener('message', (e) => {
    const msg = e.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'model') {
      const first = firstWindow === null;
      model = msg.model;
      model.message = msg.message;
      state.laneMode = model.lanesMode;
      if (first && model.window) firstWindow = model.window;
      if (msg.focus && model.window && model.domain) {
        // The window around the event, as the server narrowed it to draw the event among its neighbours.
        state.pxPerDay = L.fitZoom(model.window.end - model.window.start, trackWidth());
        save();
        render();
        chart.scrollLeft = Math.round((model.window.start - model.domain.start) * state.pxPerDay);
        modelZoom = currentZoom();
        highlight(msg.focus, true);
        return;
      }
      if (first) modelZoom = currentZoom();
      render();
      if (first && state.pxPerDay === null && model.domain) chart.scrollLeft = initialView().scrollLeft;
      // The window drawn may not be all of the one in view.
      askSoon();
    } else if (msg.type === 'focus' && typeof msg.id === 'string') {
      highlight(msg.id, true);
    }
  });

  vscode.postMessage({ type: 'ready', lanes: state.laneMode });
})();
