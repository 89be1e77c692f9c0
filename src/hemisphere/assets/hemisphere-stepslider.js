/* StepSlider: Play / Pause and a labelled native range input over a list of steps, for jslink with
 * the maps and panels.
 *
 * Model traits: index (the current step), options (one label per step, e.g. a date), description
 * (the slider's visible label), disabled, interval (milliseconds between steps when playing), and
 * link_key (the map and panel that follow its steps in the browser; "" for none).
 * Play runs in the browser, so it keeps going while the kernel is busy or absent. The range input is
 * reachable with Tab, moves with the arrow keys, Home and End, plays and pauses with Space, and tells screen readers the step's label through
 * aria-valuetext; the Play button says in words what it does. Every text goes in with textContent. */
let counter = 0;

/* The kernel hears each new index as one custom message, not as a state update: ipywidgets holds
 * back a model's updates until the kernel says "idle" for the previous one, and ipykernel 7 says
 * nothing for a comm message it handles while a cell awaits, so after one such step Python would
 * hear no step again. A custom message is never held back. Whatever moved the index (the range,
 * Play, or the map or the panel asking), the kernel hears it once per model, not per view.
 *
 * The map and the panel of the same link_key follow in the browser only (HemisphereStepLink,
 * prepended to this module): they send the kernel nothing, so a step is this one message. */
function initialize({ model }) {
  const link = HemisphereStepLink.channel();
  const key = model.get("link_key");
  let reported = model.get("index");
  function report() {
    const index = model.get("index");
    link.say(key, "step", index);
    if (index === reported) return;
    reported = index;
    model.send({ index });
  }
  function asked(step) {
    const index = Math.max(0, Math.min((model.get("options") || []).length - 1, step));
    if (index === model.get("index")) link.say(key, "step", index);  /* already there: the asker follows */
    else model.set("index", index);
  }
  model.on("change:index", report);
  const stopHearing = link.hear(key, "ask", asked);
  return () => {
    model.off("change:index", report);
    stopHearing();
  };
}

function render({ model, el }) {
  counter += 1;
  const id = "hem-stepslider-" + counter + "-" + Math.random().toString(36).slice(2, 8);
  const wrap = document.createElement("div");
  wrap.className = "hem-stepslider";
  const play = document.createElement("button");
  play.type = "button";
  play.className = "hem-stepslider-play";
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.min = "0";
  input.step = "1";
  const readout = document.createElement("output");
  readout.htmlFor = id;
  readout.className = "hem-stepslider-value";
  let timer = null;

  function count() { return (model.get("options") || []).length; }
  function setIndex(index) {
    model.set("index", index);
  }
  function showPlaying() {
    play.textContent = timer ? "\u275A\u275A Pause" : "\u25B6 Play";
    play.setAttribute("aria-pressed", timer ? "true" : "false");
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    showPlaying();
  }
  function start() {
    if (count() < 2) return;
    if (model.get("index") >= count() - 1) setIndex(0);
    timer = setInterval(() => {
      const next = model.get("index") + 1;
      if (next >= count()) stop();
      else setIndex(next);
    }, model.get("interval") || 1500);
    showPlaying();
  }
  function update() {
    const options = model.get("options") || [];
    const index = model.get("index");
    label.textContent = model.get("description") || "Step";
    input.max = String(Math.max(0, options.length - 1));
    input.value = String(index);
    const disabled = Boolean(model.get("disabled")) || options.length === 0;
    input.disabled = play.disabled = disabled;
    if (disabled) stop();
    const text = options[index] || "";
    input.setAttribute("aria-valuetext", text);
    readout.textContent = text;
  }

  play.addEventListener("click", () => (timer ? stop() : start()));
  input.addEventListener("input", () => setIndex(Number(input.value)));
  /* Keys pressed on the slider are the slider's: JupyterLab must not read them as notebook shortcuts.
   * The arrow keys step and Home and End jump (the range input does that itself); Space plays and pauses. */
  input.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === " ") {
      event.preventDefault();
      if (timer) stop();
      else start();
    }
  });
  const names = ["change:index", "change:options", "change:description", "change:disabled"];
  names.forEach((name) => model.on(name, update));
  update();
  showPlaying();
  wrap.append(play, label, input, readout);
  el.appendChild(wrap);
  return () => {
    stop();
    names.forEach((name) => model.off(name, update));
  };
}

export default { initialize, render };
