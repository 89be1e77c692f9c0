/* EraControls (lesson 3's era explorer): the era menu, the year boxes, the summary line and the step
 * control, working in the browser so that choosing an era needs no kernel (the static site).
 *
 * Model traits: menu ([[key, label], ...]), views ({key: {first_year, last_year, ids, shape_changes,
 * label_texts, caption, summary, counts}}, one per era and the whole record), titles ({id: text read
 * out for a step}), first_allowed and last_allowed (the years one may type), selection, first_year,
 * last_year, the current view's ids, shape_changes, label_texts, caption, summary and counts (passed
 * on to the map, the panel and the counts table by browser links), and step (the current event,
 * linked to the map's). Typed years that are no era set selection to "custom": Python works that
 * view out. Every text goes in with textContent (HemisphereText, prepended by Python). */
let eraCounter = 0;
const CUSTOM = "custom";
const VIEW_TRAITS = ["ids", "shape_changes", "label_texts", "caption", "summary", "counts"];

function render({ model, el }) {
  const T = HemisphereText;
  eraCounter += 1;
  const id = "hem-era-" + eraCounter + "-" + Math.random().toString(36).slice(2, 8);
  const root = T.el("div", null, "hem-era");
  const choices = T.el("div", null, "hem-era-choices");

  function labelled(text, control, suffix) {
    control.id = id + "-" + suffix;
    const label = T.el("label", text);
    label.htmlFor = control.id;
    const box = T.el("span", null, "hem-era-field");
    box.append(label, control);
    return box;
  }
  const menu = document.createElement("select");
  (model.get("menu") || []).forEach(([key, text]) => {
    const option = T.el("option", text);
    option.value = key;
    menu.appendChild(option);
  });
  function yearBox() {
    const box = document.createElement("input");
    box.type = "number";
    box.step = "1";
    box.min = String(model.get("first_allowed"));
    box.max = String(model.get("last_allowed"));
    return box;
  }
  const first = yearBox();
  const last = yearBox();
  choices.append(labelled("Era:", menu, "menu"), labelled("From year:", first, "first"), labelled("to year:", last, "last"));

  const summary = T.el("p", "", "hem-era-summary");
  summary.setAttribute("aria-live", "polite");

  /* The step control: an ARIA slider over the events shown (arrow keys step, Home and End jump), whose
   * value text names the event; a status line says the same for a step made any other way. */
  const stepper = T.el("div", "", "hem-era-step");
  stepper.tabIndex = 0;
  stepper.setAttribute("role", "slider");
  stepper.setAttribute("aria-label", "Event on the map (arrow keys step, Home and End jump)");
  stepper.setAttribute("aria-valuemin", "0");
  const announcer = T.el("div", "", "hem-visually-hidden");
  announcer.setAttribute("role", "status");
  choices.appendChild(stepper);
  root.append(choices, summary, announcer);
  el.appendChild(root);

  function ids() { return model.get("ids") || []; }
  function save(values) {
    Object.keys(values).forEach((name) => model.set(name, values[name]));
    model.save_changes();
  }
  function choose(key) {
    const view = (model.get("views") || {})[key];
    if (!view) {
      save({ selection: key });  // custom: Python works the view out
      showPending();
      return;
    }
    const values = { selection: key, first_year: view.first_year, last_year: view.last_year, step: -1 };
    VIEW_TRAITS.forEach((name) => { values[name] = view[name]; });
    save(values);
  }
  function showPending() {
    summary.textContent = "Working out " + first.value + "\u2013" + last.value + " in Python: typed years need the "
      + "notebook running in JupyterLab. In the lesson's web page, choose an era from the menu.";
  }
  function onYears() {
    const from = Number(first.value);
    const to = Number(last.value);
    const low = model.get("first_allowed");
    const high = model.get("last_allowed");
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < low || to > high) {
      summary.textContent = "Type years from " + low + " to " + high + ".";
      return;
    }
    if (from > to) {
      summary.textContent = "The first year (" + from + ") is after the last (" + to + "): change one of them.";
      return;
    }
    const views = model.get("views") || {};
    const match = Object.keys(views).find((key) => views[key].first_year === from && views[key].last_year === to);
    if (match) choose(match);
    else {
      save({ selection: CUSTOM, first_year: from, last_year: to });
      showPending();
    }
  }
  function go(step) {
    const count = ids().length;
    if (!count) return;
    const clamped = Math.max(0, Math.min(count - 1, step));
    if (clamped !== model.get("step")) save({ step: clamped });
  }
  function stepKeys(event) {
    const step = model.get("step");
    const moves = { ArrowRight: step + 1, ArrowDown: step + 1, ArrowLeft: step - 1, ArrowUp: step - 1,
                    PageDown: step + 10, PageUp: step - 10, Home: 0, End: ids().length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    go(step < 0 && (event.key === "ArrowLeft" || event.key === "ArrowUp") ? 0 : moves[event.key]);
  }

  function drawChoices() {
    menu.value = model.get("selection");
    first.value = String(model.get("first_year"));
    last.value = String(model.get("last_year"));
  }
  function drawSummary() { summary.textContent = model.get("summary") || ""; }
  function drawStep() {
    const list = ids();
    const step = model.get("step");
    let text;
    if (!list.length) text = "No events shown";
    else if (step < 0 || step >= list.length) text = list.length + " events: press an arrow key here to step through them";
    else text = "Event " + (step + 1) + " of " + list.length + ": " + ((model.get("titles") || {})[list[step]] || list[step]);
    stepper.textContent = text;
    stepper.setAttribute("aria-valuemax", String(Math.max(0, list.length - 1)));
    stepper.setAttribute("aria-valuenow", String(Math.max(0, step)));
    stepper.setAttribute("aria-valuetext", text);
    if (step >= 0) announcer.textContent = text;
  }

  menu.addEventListener("change", () => choose(menu.value));
  first.addEventListener("change", onYears);
  last.addEventListener("change", onYears);
  stepper.addEventListener("keydown", stepKeys);
  /* Keys pressed in the controls are theirs: JupyterLab must not read them as notebook shortcuts. */
  root.addEventListener("keydown", (event) => event.stopPropagation());
  const handlers = [
    [["change:selection", "change:first_year", "change:last_year"], drawChoices],
    [["change:summary"], drawSummary],
    [["change:step", "change:ids", "change:titles"], drawStep],
  ];
  handlers.forEach(([names, handler]) => names.forEach((name) => model.on(name, handler)));
  drawChoices();
  drawSummary();
  drawStep();
  return () => handlers.forEach(([names, handler]) => names.forEach((name) => model.off(name, handler)));
}

export default { render };
