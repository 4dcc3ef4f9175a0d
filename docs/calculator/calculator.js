/*
 * The calculator page: wires the form to RnnCalc (counting.js, the pure part) and back.
 *
 * - Inputs are read from the query string on load (a link pre-fills the page) and written
 *   back with history.replaceState as the reader types; unknown parameters are kept.
 * - A query value the control cannot show (cell=foo, bias=2) is kept as it came: a select
 *   gains an option for it, a checkbox turns indeterminate, and the alert says what is
 *   wrong, until the reader changes that control.
 * - Outputs: #calc-total and #unrolled-total carry data-total (the exact integer total)
 *   while their inputs are valid; #calc-alert (role="alert") is empty while all are valid.
 * - reset_after is shown, read and written only for a Keras GRU, the one place it counts.
 * - proj_size is enabled and read only for a PyTorch LSTM (torch.nn.RNN and GRU refuse it,
 *   Keras has none); what it held comes back when the cell is one again.
 */
(function () {
  "use strict";
  const calc = window.RnnCalc;
  const form = document.getElementById("calc-form");
  const data = document.getElementById("rnnnotes-constants");
  if (!calc || !form || !data) return;
  const C = JSON.parse(data.textContent);
  const FIELDS = [...calc.PARAM_FIELDS, ...calc.UNROLLED_FIELDS];
  const OPTION_TEXT = {
    rnn: "RNN (Elman)", lstm: "LSTM", gru: "GRU", pytorch: "PyTorch", keras: "Keras",
    full: "full H × H matrix (standard)", "per-unit": "per-unit: H links (the student’s)",
  };
  const $ = (id) => document.getElementById(id);
  const control = (name) => form.elements.namedItem(name);
  const stray = {}; // checkbox values from the query string that are neither 1 nor 0

  function fill(select, values) {
    for (const v of values) select.add(new Option(OPTION_TEXT[v] || v, v));
  }
  fill(control("cell"), C.cells);
  fill(control("convention"), C.conventions);
  // The package's default link first (the full matrix), the student's reading after it.
  const firstRecurrence = C.unrolled_defaults.recurrence;
  fill(control("recurrence"), [...C.recurrences].sort((a, b) =>
    (b === firstRecurrence) - (a === firstRecurrence)));

  function dropStrays(select) {
    for (const o of [...select.options]) if (o.dataset.stray !== undefined) o.remove();
  }

  function set(name, value) {
    const el = control(name);
    if (el.type === "checkbox") {
      el.indeterminate = !(value === "1" || value === "0");
      el.checked = value === "1";
      if (el.indeterminate) stray[name] = value; else delete stray[name];
    } else if (el.tagName === "SELECT") {
      dropStrays(el);
      if (![...el.options].some((o) => o.value === value)) {
        const o = new Option(value === "" ? "(none chosen)" : `${value} (not valid)`, value);
        o.dataset.stray = "";
        el.add(o, 0);
      }
      el.value = value;
    } else {
      el.value = value;
    }
  }

  function get(name) {
    const el = control(name);
    if (el.type === "checkbox") return name in stray ? stray[name] : el.checked ? "1" : "0";
    return el.value;
  }

  const resetAfterApplies = () => get("cell") === "gru" && get("convention") === "keras";
  const projApplies = () => get("cell") === "lstm" && get("convention") === "pytorch";

  function raw() {
    const values = {};
    for (const name of FIELDS) {
      if (name === "reset_after" && !resetAfterApplies()) continue;
      if (name === "proj_size" && control(name).disabled) continue;
      values[name] = get(name);
    }
    return values;
  }

  function fillTable(table, rows) {
    const body = table.tBodies[0];
    body.replaceChildren(...rows.map((cells) => {
      const tr = document.createElement("tr");
      cells.forEach((text, i) => {
        const td = document.createElement("td");
        if (i === 0 && table.id === "calc-breakdown") {
          // layer0/backward/recurrent_kernel: a phone may break the name after a slash.
          const code = document.createElement("code");
          text.split(/(?<=\/)/).forEach((part, j) => {
            if (j) code.append(document.createElement("wbr"));
            code.append(part);
          });
          td.append(code);
        } else {
          td.textContent = text;
        }
        tr.append(td);
      });
      return tr;
    }));
    table.hidden = rows.length === 0;
  }

  // A total its inputs cannot give names the first bad field among them ("Check Hidden
  // size"): on a phone the total is a bar at the bottom of the screen, far from the alert.
  function showTotal(output, result, errors) {
    const ids = [...output.htmlFor];
    const bad = result ? null : errors.find((e) => ids.includes(control(e.field).id));
    output.textContent = result ? result.totalText : bad ? `Check ${shortName(bad.field)}` : "—";
    output.classList.toggle("rn-calc__check-field", Boolean(bad));
    if (result) output.setAttribute("data-total", result.total);
    else output.removeAttribute("data-total");
  }

  // The command, each option with its value unbroken (a line may wrap between options).
  function showCommand(code, result) {
    const pieces = result ? result.command.split(/ (?=--)/) : [];
    code.replaceChildren(...pieces.flatMap((piece, i) => {
      const span = document.createElement("span");
      span.className = "rn-calc__nowrap";
      span.textContent = piece;
      return i ? [" ", span] : [span];
    }));
  }

  // Short names for the sticky totals ("Check Hidden size"): a field's own label, or, for
  // a box whose label is a sentence, these.
  const SHORT = {
    bias: "Biases", bidirectional: "Bidirectional", reset_after: "Reset gate",
    unrolled_bias: "Bias edges", initial_state: "Initial state",
  };
  function shortName(name) {
    if (SHORT[name]) return SHORT[name];
    const label = form.querySelector(`label[for="${control(name).id}"]`);
    return label ? label.firstChild.textContent.trim() : name;
  }

  // Each bad field's message right under it, named by its aria-describedby (after the
  // field's own hint, which stays).
  const hints = {};
  for (const name of FIELDS) hints[name] = control(name).getAttribute("aria-describedby") || "";
  function showFieldErrors(errors) {
    for (const old of form.querySelectorAll(".rn-calc__error")) old.remove();
    for (const name of FIELDS) {
      const el = control(name);
      if (hints[name]) el.setAttribute("aria-describedby", hints[name]);
      else el.removeAttribute("aria-describedby");
    }
    const byField = new Map();
    for (const e of errors) byField.set(e.field, [...(byField.get(e.field) || []), e.message]);
    for (const [name, messages] of byField) {
      const el = control(name);
      const message = document.createElement("p");
      message.className = "rn-calc__error";
      message.id = `${el.id}-error`;
      const lead = document.createElement("strong");
      lead.textContent = "Error:";
      message.append(lead, ` ${messages.join(" ")}`);
      const box = el.closest(".rn-calc__field") || el.closest(".rn-calc__check");
      if (box.classList.contains("rn-calc__field")) box.append(message); else box.after(message);
      el.setAttribute("aria-describedby", `${hints[name]} ${message.id}`.trim());
    }
  }

  function showAlert(errors) {
    const alert = $("calc-alert");
    alert.replaceChildren();
    for (const name of FIELDS) control(name).removeAttribute("aria-invalid");
    showFieldErrors(errors);
    if (!errors.length) return;
    const box = document.createElement("div");
    box.className = "admonition failure";
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = errors.length === 1 ? "Check this input" : "Check these inputs";
    const list = document.createElement("ul");
    for (const e of errors) {
      const li = document.createElement("li");
      li.dataset.field = e.field;
      li.textContent = e.message;
      list.append(li);
      control(e.field).setAttribute("aria-invalid", "true");
    }
    box.append(title, list);
    alert.append(box);
  }

  // Elsewhere it is disabled, its hint saying why; a link's projection for another cell
  // stays, an error, until the field is left empty or 0 or the cell or convention changes.
  const proj = control("proj_size"), projHint = $("calc-proj-size-hint");
  const PROJ_HINT = projHint.textContent, NO_PROJ = { rnn: "an RNN", gru: "a GRU" };
  let heldProj = "";
  function showProjection(event) {
    const applies = projApplies(), cell = get("cell"), on = event ? event.target : null;
    const switched = on && (on.name === "cell" || on.name === "convention");
    const none = /^\s*0*\s*$/.test(proj.value) && !(on === proj && event.type === "input");
    if (applies && proj.disabled) [proj.disabled, proj.value] = [false, heldProj];
    else if (!applies && !proj.disabled && (switched || none)) {
      [heldProj, proj.value, proj.disabled] = [proj.value, "", true];
    }
    const why = cell === "lstm" ? "Keras has no LSTM projection"
      : NO_PROJ[cell] && `${NO_PROJ[cell]} has no projection (an LSTM’s only)`;
    projHint.textContent = applies || !why ? PROJ_HINT : `none: ${why}`;
  }

  function render(event) {
    $("calc-reset-after-field").hidden = !resetAfterApplies();
    showProjection(event);
    const v = calc.view(raw(), C);
    showAlert(v.errors);
    showTotal($("calc-total"), v.params, v.errors);
    fillTable($("calc-breakdown"), v.params ? v.params.rows : []);
    showCommand($("calc-command"), v.params);
    $("calc-command-line").hidden = !v.params;
    showTotal($("unrolled-total"), v.unrolled, v.errors);
    fillTable($("unrolled-breakdown"), v.unrolled ? v.unrolled.rows : []);
    showCommand($("unrolled-command"), v.unrolled);
    $("unrolled-command-line").hidden = !v.unrolled;
    $("unrolled-note").textContent = v.unrolledNote || "";
  }

  function writeQuery() {
    const query = new URLSearchParams(window.location.search);
    const values = raw();
    for (const name of FIELDS) {
      if (name in values) query.set(name, values[name]); else query.delete(name);
    }
    history.replaceState(history.state, "", `?${query}${window.location.hash}`);
  }

  // Start: a link's values; fields it leaves out take the package's defaults, or, where
  // the package has none (cell, D, H, T), the page's example (data-example). With no
  // calculator parameter at all, the example fills every field it names.
  const query = new URLSearchParams(window.location.search);
  const fromLink = FIELDS.some((name) => query.has(name));
  const start = calc.defaults(C);
  for (const name of FIELDS) {
    const example = control(name).dataset.example;
    if (example !== undefined && (!fromLink || start[name] === "")) start[name] = example;
  }
  for (const name of FIELDS) set(name, query.has(name) ? query.get(name) : start[name]);

  function changed(event) {
    const el = event.target;
    if (!el.name || !FIELDS.includes(el.name)) return;
    if (el.type === "checkbox") { delete stray[el.name]; el.indeterminate = false; }
    if (el.tagName === "SELECT" && el.options[el.selectedIndex]?.dataset.stray === undefined) {
      dropStrays(el);
    }
    render(event);
    writeQuery();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  // On a phone the totals are two bars stuck to the bottom of the screen, the parameters'
  // above the unrolled graph's, once the reader starts on the form (before that they sit
  // in their places, over no field). The upper one sits on the lower one, however tall a
  // message has made it; the page's scroll padding is their height, so a field scrolled
  // to (a tab, a focus) comes to rest above them (calculator.css).
  const bars = [...form.querySelectorAll(".rn-calc__total")];
  const below = $("unrolled-total").closest(".rn-calc__total");
  function measure() {
    const stuck = bars.filter((bar) => getComputedStyle(bar).position === "sticky");
    const height = (bar) => bar.getBoundingClientRect().height;
    form.style.setProperty("--rn-calc-below", `${height(below)}px`);
    const all = stuck.reduce((sum, bar) => sum + height(bar), 0);
    document.documentElement.style.scrollPaddingBottom = all ? `${all + 8}px` : "";
    return stuck;
  }
  new ResizeObserver(measure).observe(below);
  // A focused field and its message never hide behind the bars: scroll both above them
  // (a tap on a field half under a bar focuses it without scrolling; a message appears
  // under the field as the reader types), but never the field under the header.
  function keepClear(el) {
    const stuck = measure();
    if (!stuck.length || document.activeElement !== el) return;
    const field = el.getBoundingClientRect();
    const message = $(`${el.id}-error`);
    const bottom = Math.max(field.bottom, message ? message.getBoundingClientRect().bottom : 0);
    let floor = window.innerHeight;
    for (const bar of stuck) {
      const b = bar.getBoundingClientRect();
      if (b.top >= field.top) floor = Math.min(floor, b.top);
    }
    const header = document.querySelector(".md-header");
    const room = field.top - (header ? header.getBoundingClientRect().bottom : 0) - 8;
    const need = Math.min(bottom + 8 - floor, room);
    if (need > 0) window.scrollBy(0, need);
  }
  const onForm = (el) => el.matches("input, select") && FIELDS.includes(el.name);
  const later = (el) => requestAnimationFrame(() => keepClear(el));
  form.addEventListener("focusin", (event) => {
    if (!onForm(event.target)) return;
    form.classList.add("rn-calc--live");
    later(event.target);
  });
  for (const type of ["input", "change"]) {
    form.addEventListener(type, (event) => { if (onForm(event.target)) later(event.target); });
  }
  render();
})();
