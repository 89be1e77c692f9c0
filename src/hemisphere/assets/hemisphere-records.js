/* RecordPanel: Previous / Next buttons, a detail card for the current record and a table of the
 * records shown, all drawn in the browser from data sent once, so stepping needs no Python.
 *
 * Model traits: records ({id: {card: {title, rows, sources}, cells: [text, ...]}}), ids (the ids
 * shown, in step order), step (index in ids; -1 for none), columns (table headings), caption,
 * empty_message (shown when ids is empty). Every text goes in with textContent
 * (HemisphereText, prepended to this module by Python). */

function render({ model, el }) {
  const T = HemisphereText;
  const root = T.el("div", null, "hem-records");
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
  const detail = T.el("div", null, "hem-records-detail");
  detail.setAttribute("aria-live", "polite");
  const tableBox = T.el("div", null, "hem-records-table");
  const table = T.el("table");
  const caption = T.el("caption");
  const head = T.el("thead");
  const body = T.el("tbody");
  table.append(caption, head, body);
  tableBox.appendChild(table);
  root.append(nav, detail, tableBox);
  el.appendChild(root);
  let rows = [];

  function ids() { return model.get("ids") || []; }
  function go(step) {
    const count = ids().length;
    if (!count) return;
    const clamped = Math.max(0, Math.min(count - 1, step));
    if (clamped === model.get("step")) return;
    model.set("step", clamped);
    model.save_changes();
  }

  function drawTable() {
    caption.textContent = model.get("caption") || "";
    head.replaceChildren();
    const headRow = T.el("tr");
    (model.get("columns") || []).forEach((name) => {
      const cell = T.el("th", name);
      cell.scope = "col";
      headRow.appendChild(cell);
    });
    head.appendChild(headRow);
    body.replaceChildren();
    const records = model.get("records") || {};
    rows = ids().map((id, index) => {
      const row = T.el("tr");
      row.tabIndex = 0;
      ((records[id] || {}).cells || []).forEach((text) => row.appendChild(T.el("td", text)));
      row.addEventListener("click", () => go(index));
      row.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); go(index); }
      });
      body.appendChild(row);
      return row;
    });
    tableBox.hidden = rows.length === 0;
  }

  function drawStep() {
    const list = ids();
    const step = model.get("step");
    detail.replaceChildren();
    if (!list.length) {
      detail.appendChild(T.el("p", model.get("empty_message") || "Nothing to show.", "hem-records-empty"));
      position.textContent = "";
    } else if (step < 0 || step >= list.length) {
      detail.appendChild(T.el("p", "Press Next or Play to begin.", "hem-records-empty"));
      position.textContent = list.length + " events";
    } else {
      const record = (model.get("records") || {})[list[step]] || { card: { title: list[step], rows: [] } };
      detail.appendChild(T.card(record.card, true));
      position.textContent = "Event " + (step + 1) + " of " + list.length;
    }
    previous.disabled = !list.length || step <= 0;
    next.disabled = !list.length || step >= list.length - 1;
    rows.forEach((row, index) => {
      const current = index === step;
      row.classList.toggle("hem-records-current", current);
      if (current) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    });
    const row = rows[step];
    if (row) {
      /* Measuring the row forces a layout of the whole notebook page; do it after this step's
       * other work (the map frame's update waits for this task to end). */
      setTimeout(() => {
        const top = row.offsetTop - tableBox.clientHeight / 2;
        tableBox.scrollTop = Math.max(0, top);
      }, 0);
    }
  }

  previous.addEventListener("click", () => go(model.get("step") - 1));
  next.addEventListener("click", () => go(model.get("step") + 1));
  const redraw = () => { drawTable(); drawStep(); };
  /* A step redraws in a task of its own, not at once nor in the next animation frame: the map
   * frame's message tends to be delivered first (in JupyterLab on a 2-core machine the map showed a
   * step 5-20 ms sooner; noisy), and several steps in a row (Play, a held arrow key) draw once. */
  let pending = false;
  const drawStepSoon = () => {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; drawStep(); }, 0);
  };
  model.on("change:step", drawStepSoon);
  model.on("change:ids", redraw);
  model.on("change:records", redraw);
  model.on("change:empty_message", drawStep);
  redraw();
  return () => {
    model.off("change:step", drawStepSoon);
    model.off("change:ids", redraw);
    model.off("change:records", redraw);
    model.off("change:empty_message", drawStep);
  };
}

export default { render };
