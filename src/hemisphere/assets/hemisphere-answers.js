/* Marking a quiz answer in the browser, so a quiz works with no kernel (the static site) and gives
 * the same feedback in JupyterLab. Python works out every recognised response's verdict
 * (Question.verdicts in widgets/quiz.py); here a typed answer is only folded the way Python's
 * _loose folds it, then looked up. A classic script: it defines the global HemisphereAnswers,
 * prepended to the quiz widget's module code by Python and loaded as is by the node tests. */
var HemisphereAnswers = (function () {
  "use strict";

  var ASK_FOR_AN_ANSWER = "Choose or type an answer first.";

  /* Without case, accents (or any other non-ASCII letter), outer spaces, final punctuation or extra spaces. */
  function loose(text) {
    var folded = String(text).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().trim();
    return folded.replace(/^[ .!?]+|[ .!?]+$/g, "").split(/\s+/).filter(Boolean).join(" ");
  }

  /* question: {choice, verdicts: {response: [right, feedback]}, otherwise}; gives [right, feedback]. */
  function mark(question, response) {
    if (response === null || response === undefined || !String(response).trim()) return [false, ASK_FOR_AN_ANSWER];
    var key = question.choice ? String(response) : loose(response);
    var verdicts = question.verdicts || {};
    if (Object.prototype.hasOwnProperty.call(verdicts, key)) return [Boolean(verdicts[key][0]), String(verdicts[key][1])];
    return [false, String(question.otherwise)];
  }

  return { loose: loose, mark: mark };
})();
