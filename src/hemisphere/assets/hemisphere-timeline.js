/* TimelinePanel: beside the operations explorer's map, where the story stands at the current step.
 *
 * Model traits (see hemisphere/widgets/timeline_panel.py): events_gzip ({field: [value per event]}
 * as gzip-compressed JSON, read once with the browser's DecompressionStream),
 * categories ({key: label}), confidence_words, counts ([{strikes, deaths, strikes_text, deaths_text,
 * as_of, counted_by, source}]), voices_said ([{speaker, role, date, words, translated, source}]),
 * ids (the ids shown, in step order), step (index in ids; -1 for none), columns, caption,
 * empty_message, link_key (the slider it follows in the browser). Every text goes in with textContent, links only to http(s) addresses
 * (HemisphereText, prepended to this module by Python). The table draws only the rows in view. */

const ROW_PX = 28;  /* every table row is one line this tall, so a scroll position names its rows */
const SPARE_ROWS = 6;

/* With a link_key, the step comes from the slider of the same key in the browser (HemisphereStepLink,
 * prepended to this module): set without save_changes(), so the kernel gets no second report. */
function initialize({ model }) {
  return HemisphereStepLink.channel().hear(model.get("link_key"), "step", (step) => model.set("step", step));
}

function render({ model, el }) {
  const T = HemisphereText;
  const root = T.el("div", null, "hem-timeline hem-records");
  const nav = T.el("div", null, "hem-records-nav");
  nav.setAttribute("role", "group");
  nav.setAttribute("aria-label", "Step through the events");
  const previous = T.el("button", "\u25C0 Previous", "hem-records-previous");
  const next = T.el("button", "Next \u25B6", "hem-records-next");
  previous.type = next.type = "button";
  previous.setAttribute("aria-label", "Previous event");
  next.setAttribute("aria-label", "Next event");
  const position = T.el("span", "", "hem-records-position");
  nav.append(previous, next, position);
  const announce = T.el("div", "", "hem-visually-hidden hem-timeline-announce");
  announce.setAttribute("role", "status");
  announce.setAttribute("aria-live", "polite");
  const counts = T.el("div", null, "hem-timeline-counts");
  const detail = T.el("div", null, "hem-records-detail");
  const voices = T.el("section", null, "hem-timeline-voices");
  voices.setAttribute("aria-label", "Voices of the moment");
  const fold = T.el("details", null, "hem-timeline-fold");
  const summary = T.el("summary", "");
  const tableBox = T.el("div", null, "hem-records-table");
  tableBox.tabIndex = 0;
  const table = T.el("table");
  const caption = T.el("caption");
  const head = T.el("thead");
  const body = T.el("tbody");
  table.append(caption, head, body);
  tableBox.appendChild(table);
  tableBox.setAttribute("role", "region");
  fold.append(summary, tableBox);
  root.append(nav, announce, counts, detail, voices, fold);
  el.appendChild(root);

  let events = {};  /* field -> [value per event], unpacked from events_gzip */
  let row = {};  /* event id -> its position in the events' columns */
  async function unpack() {
    const packed = model.get("events_gzip");
    events = {};
    if (packed && packed.byteLength) {
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
      const parsed = JSON.parse(await new Response(stream).text());
      if (parsed && typeof parsed === "object") events = parsed;
    }
    row = {};
    (Array.isArray(events.id) ? events.id : []).forEach((id, at) => { row[id] = at; });
  }
  function ids() { return model.get("ids") || []; }
  function field(name, at) { return (events[name] || [])[at]; }
  function go(step) {
    const count = ids().length;
    if (!count) return;
    const clamped = Math.max(0, Math.min(count - 1, step));
    if (clamped === model.get("step")) return;
    const key = model.get("link_key");
    /* Linked: ask the slider, which moves, tells the kernel, and moves this panel and the map. */
    if (key) HemisphereStepLink.channel().say(key, "ask", clamped);
    else {
      model.set("step", clamped);
      model.save_changes();
    }
  }
  function title(at) { return field("date_text", at) + ": " + ((model.get("categories") || {})[field("category", at)] || ""); }

  function card(at) {
    const words = model.get("confidence_words") || {};
    return {
      title: title(at),
      rows: [
        ["Where", field("where", at)], ["What happened", field("summary", at)], ["Who", field("actors", at)],
        ["Casualties", field("casualties", at)], ["Confidence", words[field("confidence", at)]],
        ["Map position", field("position_note", at)], ["Added from", field("added_from", at)],
        ["Notes", field("notes", at)], ["Event", field("id", at)],
      ],
      sources: field("sources", at) || [],
    };
  }

  function sourceLink(url, text) {
    const href = T.safeHref(url);
    if (!href) return T.el("span", text);
    const link = T.el("a", text);
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  /* The running count in force at an event, and what changed since the one before it. */
  function drawCounts(list, step) {
    counts.replaceChildren();
    const all = model.get("counts") || [];
    const now = all[field("count", row[list[step]])];
    counts.appendChild(T.el("strong", "Boat strikes so far", "hem-card-title"));
    if (!now) {
      counts.appendChild(T.el("p", "No boat strike counted yet."));
    } else {
      const line = T.el("p");
      line.append(T.el("span", now.strikes_text + " strikes, " + now.deaths_text + " people reported killed", "hem-timeline-total"),
                  document.createTextNode(" (count by " + now.counted_by + ", as of " + now.as_of + "; "),
                  sourceLink(now.source, "source"), document.createTextNode(")"));
      counts.appendChild(line);
    }
    const before = step > 0 ? all[field("count", row[list[step - 1]])] : undefined;
    let change;
    if (step === 0) change = "The first event shown.";
    else if (now === before) change = "No new count since the previous event.";
    else if (!before) change = "Since the previous event: the first count, " + now.strikes_text + " strikes.";
    else {
      const strikes = now.strikes - before.strikes;
      const deaths = now.deaths - before.deaths;
      const signed = (n) => (n >= 0 ? "+" : "\u2212") + Math.abs(n);
      change = "Since the previous event: " + signed(strikes) + " strikes, " + signed(deaths) +
        " reported deaths (new count, as of " + now.as_of + ").";
    }
    counts.appendChild(T.el("p", change, "hem-timeline-change"));
  }

  function drawVoices(at) {
    voices.replaceChildren(T.el("strong", "Voices of the moment (said within a week)", "hem-card-title"));
    const said = model.get("voices_said") || [];
    const near = field("voices", at) || [];
    if (!near.length) {
      voices.appendChild(T.el("p", "No quotation in the pack was said within a week of this event.", "hem-records-empty"));
      return;
    }
    const list = T.el("ul");
    near.forEach((position) => {
      const voice = said[position];
      if (!voice) return;
      const item = T.el("li");
      const quote = T.el("blockquote", "\u201C" + voice.words + "\u201D" + (voice.translated ? " (our translation)" : ""));
      const who = T.el("div", "\u2014 " + voice.speaker + ", " + voice.role + ", " + voice.date + " \u00B7 ", "hem-timeline-who");
      who.appendChild(sourceLink(voice.source, "source"));
      item.append(quote, who);
      list.appendChild(item);
    });
    voices.appendChild(list);
  }

  /* ---- The table: every event shown, but only the rows in view are in the page --------------- */
  let drawn = { first: -1, last: -1 };
  function cells(at) {
    return [field("date_text", at), field("headline", at), field("country", at),
            (model.get("categories") || {})[field("category", at)], field("confidence", at)];
  }
  function drawTableFrame() {
    caption.textContent = model.get("caption") || "";
    head.replaceChildren();
    const headRow = T.el("tr");
    headRow.setAttribute("aria-rowindex", "1");
    (model.get("columns") || []).forEach((name) => {
      const cell = T.el("th", name);
      cell.scope = "col";
      headRow.appendChild(cell);
    });
    head.appendChild(headRow);
    table.setAttribute("aria-rowcount", String(ids().length + 1));
    tableBox.setAttribute("aria-label", "Table of the " + ids().length + " events shown; scroll for more");
    summary.textContent = "Table of the events shown (" + ids().length + ")";
    fold.hidden = ids().length === 0;
    drawn = { first: -1, last: -1 };
    drawRows();
  }
  function spacer(height) {
    const filler = T.el("tr", null, "hem-timeline-spacer");
    filler.setAttribute("aria-hidden", "true");
    filler.style.height = height + "px";
    return filler;
  }
  function drawRows() {
    if (!fold.open) return;
    const list = ids();
    const first = Math.max(0, Math.floor(tableBox.scrollTop / ROW_PX) - SPARE_ROWS);
    const last = Math.min(list.length, first + Math.ceil((tableBox.clientHeight || 240) / ROW_PX) + 2 * SPARE_ROWS);
    if (first === drawn.first && last === drawn.last) return markRows();
    drawn = { first, last };
    const rows = [spacer(first * ROW_PX)];
    for (let position = first; position < last; position += 1) {
      const line = T.el("tr");
      line.tabIndex = -1;
      line.dataset.step = String(position);
      line.setAttribute("aria-rowindex", String(position + 2));
      cells(row[list[position]]).forEach((text) => {
        const cell = T.el("td", text);
        cell.title = text || "";
        line.appendChild(cell);
      });
      rows.push(line);
    }
    rows.push(spacer((list.length - last) * ROW_PX));
    body.replaceChildren(...rows);
    markRows();
  }
  function markRows() {
    const step = model.get("step");
    body.querySelectorAll("tr[data-step]").forEach((line) => {
      const current = Number(line.dataset.step) === step;
      line.classList.toggle("hem-records-current", current);
      if (current) line.setAttribute("aria-current", "true");
      else line.removeAttribute("aria-current");
    });
  }
  function scrollToStep(step) {
    if (!fold.open || step < 0) return;
    const top = step * ROW_PX;
    const height = tableBox.clientHeight || 240;
    if (top < tableBox.scrollTop || top + ROW_PX > tableBox.scrollTop + height) tableBox.scrollTop = Math.max(0, top - height / 2);
    drawRows();
  }
  body.addEventListener("click", (event) => {
    const line = event.target.closest("tr[data-step]");
    if (line) go(Number(line.dataset.step));
  });
  body.addEventListener("keydown", (event) => {
    const line = event.target.closest("tr[data-step]");
    if (line && event.key === "Enter") { event.preventDefault(); go(Number(line.dataset.step)); }
  });
  let scrolling = false;
  tableBox.addEventListener("scroll", () => {
    if (scrolling) return;
    scrolling = true;
    requestAnimationFrame(() => { scrolling = false; drawRows(); });
  });
  /* Opened: draw the rows first (their spacers give the table its full height), then scroll to the current one. */
  fold.addEventListener("toggle", () => { drawn = { first: -1, last: -1 }; drawRows(); scrollToStep(model.get("step")); });

  /* ---- The current step ---------------------------------------------------------------------- */
  function drawStep() {
    const list = ids();
    const step = model.get("step");
    detail.replaceChildren();
    if (!list.length) {
      detail.appendChild(T.el("p", model.get("empty_message") || "Nothing to show.", "hem-records-empty"));
      position.textContent = announce.textContent = "";
      counts.replaceChildren();
      voices.replaceChildren();
    } else if (step < 0 || step >= list.length) {
      detail.appendChild(T.el("p", "Press Next or Play to begin.", "hem-records-empty"));
      position.textContent = list.length + " events";
      counts.replaceChildren();
      voices.replaceChildren();
    } else {
      const at = row[list[step]];
      detail.appendChild(T.card(card(at), true));
      position.textContent = "Event " + (step + 1) + " of " + list.length;
      announce.textContent = "Event " + (step + 1) + " of " + list.length + ": " + title(at) + ". " + field("headline", at);
      drawCounts(list, step);
      drawVoices(at);
    }
    /* aria-disabled, not disabled: a button that pressing it disables (Next onto the last event, End)
     * keeps the keyboard focus instead of dropping it to the page. */
    previous.setAttribute("aria-disabled", String(!list.length || step <= 0));
    next.setAttribute("aria-disabled", String(!list.length || step >= list.length - 1));
    scrollToStep(step);
    markRows();
  }

  previous.addEventListener("click", () => go(model.get("step") - 1));
  next.addEventListener("click", () => go(model.get("step") + 1));
  /* Arrow keys step, Home and End jump, anywhere in the panel but the table's own scrolling. */
  root.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("summary, a")) return;
    const moves = { ArrowLeft: -1, ArrowRight: 1 };
    let target = null;
    if (event.key in moves) target = model.get("step") + moves[event.key];
    else if (event.key === "Home") target = 0;
    else if (event.key === "End") target = ids().length - 1;
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();  /* JupyterLab must not read these keys as notebook shortcuts */
    go(target);
  });
  const redraw = () => { drawTableFrame(); drawStep(); };
  const reload = () => unpack().then(redraw);
  /* Several steps in a row (Play, a held arrow key) draw once, in a task of their own. */
  let pending = false;
  const drawStepSoon = () => {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; drawStep(); }, 0);
  };
  const names = ["change:ids", "change:counts", "change:voices_said"];
  model.on("change:step", drawStepSoon);
  names.forEach((name) => model.on(name, redraw));
  model.on("change:events_gzip", reload);
  model.on("change:empty_message", drawStep);
  drawTableFrame();
  reload();
  return () => {
    model.off("change:step", drawStepSoon);
    names.forEach((name) => model.off(name, redraw));
    model.off("change:events_gzip", reload);
    model.off("change:empty_message", drawStep);
  };
}

export default { initialize, render };
