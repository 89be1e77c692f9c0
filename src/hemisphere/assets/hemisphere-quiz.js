/* QuestionWidget: one quiz question marked in the browser (HemisphereAnswers), so it gives its
 * feedback in the static site with no kernel as in JupyterLab.
 *
 * Model traits: number, prompt, options (the choices' texts; none for a typed answer), verdicts
 * ({response: [right, feedback]}), otherwise (the feedback for any other response), and response
 * (what the reader last checked, sent to Python). Native radio buttons and a labelled text box:
 * Tab reaches them, arrow keys choose an option, Enter in the box or on the button checks. The
 * feedback line is a status region, so screen readers read it out. Text goes in with textContent. */
let questionCounter = 0;

function render({ model, el }) {
  const T = HemisphereText;
  questionCounter += 1;
  const id = "hem-quiz-" + questionCounter + "-" + Math.random().toString(36).slice(2, 8);
  const number = model.get("number");
  const options = model.get("options") || [];
  const root = T.el("div", null, "hem-quiz");
  const prompt = T.el("p", number + ". " + model.get("prompt"), "hem-quiz-prompt");
  prompt.id = id + "-prompt";
  root.appendChild(prompt);
  let read;
  if (options.length) {
    const group = T.el("div", null, "hem-quiz-options");
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-labelledby", prompt.id);
    options.forEach((text) => {
      const label = T.el("label", null, "hem-quiz-option");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = id;
      input.value = text;
      label.append(input, document.createTextNode(" " + text));
      group.appendChild(label);
    });
    root.appendChild(group);
    read = () => (group.querySelector("input:checked") || {}).value || "";
  } else {
    const label = T.el("label", "Answer: ", "hem-quiz-answer");
    const input = document.createElement("input");
    input.type = "text";
    input.placeholder = "Type your answer, then press Enter";
    input.setAttribute("aria-describedby", prompt.id);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        check();
      }
    });
    label.appendChild(input);
    root.appendChild(label);
    read = () => input.value;
  }
  const button = T.el("button", "Check answer", "hem-quiz-check");
  button.type = "button";
  button.setAttribute("aria-label", "Check answer to question " + number);
  const feedback = T.el("div", null, "hem-quiz-feedback");
  feedback.setAttribute("role", "status");
  root.append(button, feedback);

  function check() {
    const response = read();
    const question = { choice: options.length > 0, verdicts: model.get("verdicts"), otherwise: model.get("otherwise") };
    const [right, text] = HemisphereAnswers.mark(question, response);
    feedback.className = "hem-quiz-feedback " + (right ? "hem-quiz-right" : "hem-quiz-wrong");
    feedback.replaceChildren(T.el("strong", right ? "\u2714 Right." : "\u2718 Not yet."), document.createTextNode(" " + text));
    model.set("response", response);
    model.save_changes();
  }

  button.addEventListener("click", check);
  /* Keys pressed in the question are the question's: JupyterLab must not read them as notebook shortcuts. */
  root.addEventListener("keydown", (event) => event.stopPropagation());
  el.appendChild(root);
}

export default { render };
