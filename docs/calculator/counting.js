/*
 * The calculator's counting, without the page: rnnnotes.counting.count_parameters and
 * unrolled_weights restated in plain JS, plus the parsing of the page's inputs.
 *
 * No DOM here, so node can load it (tests/cli/calc_harness.js) and the tests can hold it
 * to the Python package, case by case. The constants (cells, gate blocks per cell,
 * conventions, recurrences, defaults, the layer cap) come from the package at build time
 * (rnnsite/calculator_ext.py) and are passed in as `C`; nothing here restates them.
 *
 * Sizes are BigInt, so no total is ever rounded (or NaN): a count is exact at any size.
 * Shapes follow the Python docstrings: PyTorch weight_ih (gH, D_l), Keras kernel (D_l, gH).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.RnnCalc = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // The page's inputs: the names of count_parameters' arguments (and the query string's).
  const PARAM_FIELDS = ["cell", "input_size", "hidden_size", "num_layers", "bidirectional",
    "proj_size", "output_size", "bias", "convention", "reset_after"];
  // The unrolled graph reads input_size, hidden_size and output_size from above, plus these.
  const UNROLLED_FIELDS = ["steps", "recurrence", "unrolled_bias", "initial_state"];
  const LABELS = {
    cell: "Cell", input_size: "Input size\u00a0D", hidden_size: "Hidden size\u00a0H",
    num_layers: "Layers", bidirectional: "Bidirectional", proj_size: "Projection size",
    output_size: "Output size\u00a0K", bias: "Biases", convention: "Convention",
    reset_after: "Reset after", steps: "Time steps\u00a0T", recurrence: "Recurrent link",
    unrolled_bias: "Bias edges", initial_state: "Link h0",
  };

  class InputError extends Error {
    constructor(field, message) {
      super(message);
      this.field = field;
    }
  }

  const shown = (text) => JSON.stringify(String(text));

  /* A whole number typed by the reader: ASCII digits only (no 1e3, 0x10, -1, 2.0). */
  function whole(field, text, minimum, maximum) {
    const s = String(text).trim();
    // No-break spaces keep "≥ 1", "to 3" and "got 0" together where the message wraps.
    const range = maximum === undefined ? `≥\u00a0${minimum}` : `from\u00a0${minimum} to\u00a0${maximum}`;
    if (s === "") throw new InputError(field, `${LABELS[field]} is empty: enter a whole number ${range}.`);
    if (!/^[0-9]+$/.test(s)) {
      throw new InputError(field, `${LABELS[field]} must be a whole number ${range}, got\u00a0${shown(text)}.`);
    }
    const value = BigInt(s);
    if (value < BigInt(minimum) || (maximum !== undefined && value > BigInt(maximum))) {
      throw new InputError(field, `${LABELS[field]} must be a whole number ${range}, got\u00a0${value}.`);
    }
    return value;
  }

  function flag(field, text) {
    const s = String(text).trim();
    if (s === "1" || s === "0") return s === "1";
    throw new InputError(field, `${LABELS[field]} must be 1 (on) or 0 (off), got\u00a0${shown(text)}.`);
  }

  function oneOf(field, text, choices) {
    if (choices.includes(text)) return text;
    throw new InputError(field, `${LABELS[field]} must be one of ${choices.join(", ")}, got\u00a0${shown(text)}.`);
  }

  /* The string a field takes when the query string leaves it out: the package's default. */
  function defaults(C) {
    const d = C.defaults, u = C.unrolled_defaults;
    return {
      num_layers: String(d.num_layers), bidirectional: d.bidirectional ? "1" : "0",
      proj_size: String(d.proj_size), output_size: d.output_size === null ? "0" : String(d.output_size),
      bias: d.bias ? "1" : "0", convention: d.convention, reset_after: d.reset_after ? "1" : "0",
      recurrence: u.recurrence, unrolled_bias: u.bias ? "1" : "0",
      initial_state: u.initial_state ? "1" : "0", cell: "", input_size: "", hidden_size: "",
      steps: "",
    };
  }

  /*
   * Read every field (strings, as in a query string) in count_parameters' order; collect
   * one error per bad field. proj_size/output_size "" or "0" mean none, as in the CLI.
   * Returns {params, unrolled, errors}; params/unrolled are null when their fields are bad.
   */
  function parse(raw, C) {
    const given = Object.assign(defaults(C), ...Object.entries(raw)
      .filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => ({ [k]: String(v) })));
    const errors = [];
    const read = (fn) => { try { return fn(); } catch (e) { if (e instanceof InputError) errors.push(e); else throw e; } };
    const blankIsZero = (s) => (s.trim() === "" ? "0" : s);
    const p = {
      cell: read(() => {
        if (given.cell === "") throw new InputError("cell", `Choose a cell: ${C.cells.join(", ")}.`);
        return oneOf("cell", given.cell, C.cells);
      }),
      convention: read(() => oneOf("convention", given.convention, C.conventions)),
      input_size: read(() => whole("input_size", given.input_size, 1)),
      hidden_size: read(() => whole("hidden_size", given.hidden_size, 1)),
      num_layers: read(() => whole("num_layers", given.num_layers, 1, C.max_layers)),
      bias: read(() => flag("bias", given.bias)),
      bidirectional: read(() => flag("bidirectional", given.bidirectional)),
      proj_size: read(() => whole("proj_size", blankIsZero(given.proj_size), 0)),
      output_size: read(() => whole("output_size", blankIsZero(given.output_size), 0)),
      reset_after: read(() => flag("reset_after", given.reset_after)),
    };
    const paramsOk = !errors.length;
    const before = errors.length;
    const u = {
      steps: given.steps.trim() === "" ? null : read(() => whole("steps", given.steps, 1)),
      recurrence: read(() => oneOf("recurrence", given.recurrence, C.recurrences)),
      bias: read(() => flag("unrolled_bias", given.unrolled_bias)),
      initial_state: read(() => flag("initial_state", given.initial_state)),
    };
    const unrolledOk = errors.length === before
      && p.input_size !== undefined && p.hidden_size !== undefined && p.output_size !== undefined;
    Object.assign(u, { input_size: p.input_size, hidden_size: p.hidden_size, output_size: p.output_size });
    if (paramsOk) p.num_layers = Number(p.num_layers); // <= max_layers: a loop bound
    return { params: paramsOk ? p : null, unrolled: unrolledOk ? u : null, errors };
  }

  /* count_parameters: the cross-field checks in the package's order, then the arrays. */
  function countParameters(p, C) {
    const { cell, convention, input_size: d, hidden_size: h, num_layers: layers } = p;
    const proj = p.proj_size;
    if (proj > 0n && convention === "keras") {
      throw new InputError("proj_size", `Projection size must be 0 with the Keras convention (Keras has no LSTM projection), got\u00a0${proj}.`);
    }
    if (proj > 0n && cell !== "lstm") {
      throw new InputError("proj_size", `Projection size must be 0 for ${cell} (an LSTM only), got\u00a0${proj}.`);
    }
    if (proj > 0n && proj >= h) {
      throw new InputError("proj_size", `Projection size must be smaller than the hidden size\u00a0${h}, got\u00a0${proj}.`);
    }
    if (!p.reset_after && convention === "pytorch") {
      throw new InputError("reset_after", "Reset after must be on with the PyTorch convention (its GRU always applies the reset gate after the matmul).");
    }
    const gh = BigInt(C.gate_blocks[cell]) * h; // rows of one stacked weight: all g blocks
    const dirs = p.bidirectional ? 2n : 1n;
    const k = p.output_size > 0n ? p.output_size : null;
    const arrays = [];
    const add = (name, ...shape) => arrays.push({ name, shape, count: shape.reduce((a, b) => a * b, 1n) });
    if (convention === "pytorch") {
      const hOut = proj > 0n ? proj : h; // width of h_t: what weight_hh, the next layer, fc read
      for (let layer = 0; layer < layers; layer++) {
        const widthIn = layer === 0 ? d : hOut * dirs;
        for (let dir = 0n; dir < dirs; dir++) {
          const sfx = `_l${layer}` + (dir ? "_reverse" : "");
          add(`weight_ih${sfx}`, gh, widthIn);
          add(`weight_hh${sfx}`, gh, hOut);
          if (p.bias) { add(`bias_ih${sfx}`, gh); add(`bias_hh${sfx}`, gh); }
          if (proj > 0n) add(`weight_hr${sfx}`, proj, h);
        }
      }
      if (k !== null) { add("fc.weight", k, hOut * dirs); if (p.bias) add("fc.bias", k); }
    } else {
      const twoBiases = cell === "gru" && p.reset_after;
      for (let layer = 0; layer < layers; layer++) {
        const widthIn = layer === 0 ? d : h * dirs;
        for (let dir = 0n; dir < dirs; dir++) {
          const where = `layer${layer}/` + (dirs > 1n ? (dir ? "backward/" : "forward/") : "");
          add(`${where}kernel`, widthIn, gh);
          add(`${where}recurrent_kernel`, h, gh);
          if (p.bias) { if (twoBiases) add(`${where}bias`, 2n, gh); else add(`${where}bias`, gh); }
        }
      }
      if (k !== null) { add("dense/kernel", h * dirs, k); if (p.bias) add("dense/bias", k); }
    }
    return { arrays, total: arrays.reduce((a, x) => a + x.count, 0n) };
  }

  /* unrolled_weights: edges of the Elman RNN drawn over T steps (module docstring terms). */
  function unrolledWeights(u) {
    const { input_size: d, hidden_size: h, output_size: k, steps: t } = u;
    const transitions = u.initial_state ? t : t - 1n;
    const perTransition = u.recurrence === "per-unit" ? h : h * h;
    const parts = {
      transitions,
      input_to_hidden: t * d * h,
      hidden_to_hidden: transitions * perTransition,
      hidden_to_output: t * h * k,
      biases: u.bias ? t * (h + k) : 0n,
    };
    parts.total = parts.input_to_hidden + parts.hidden_to_hidden + parts.hidden_to_output + parts.biases;
    return parts;
  }

  /* Thousands grouped, as the CLI's tables: 8,192 and 76,800. */
  function group(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function countCommand(p, C) {
    const d = C.defaults;
    let cmd = `rnnnotes count ${p.cell} --input-size ${p.input_size} --hidden-size ${p.hidden_size}`;
    if (p.num_layers !== d.num_layers) cmd += ` --num-layers ${p.num_layers}`;
    if (p.bidirectional) cmd += " --bidirectional";
    if (p.proj_size > 0n) cmd += ` --proj-size ${p.proj_size}`;
    if (p.output_size > 0n) cmd += ` --output-size ${p.output_size}`;
    if (!p.bias) cmd += " --no-bias";
    if (p.convention !== d.convention) cmd += ` --convention ${p.convention}`;
    if (!p.reset_after) cmd += " --no-reset-after";
    return cmd;
  }

  function unrolledCommand(u, C) {
    let cmd = `rnnnotes unrolled --input-size ${u.input_size} --hidden-size ${u.hidden_size}`
      + ` --output-size ${u.output_size} --steps ${u.steps}`;
    if (u.recurrence !== C.unrolled_defaults.recurrence) cmd += ` --recurrence ${u.recurrence}`;
    if (u.bias) cmd += " --bias";
    if (u.initial_state) cmd += " --initial-state";
    return cmd;
  }

  /*
   * Everything the page shows, as strings: {errors: [{field, message}], params, unrolled,
   * unrolledNote}. params/unrolled are null when their inputs are bad (or, for the
   * unrolled graph, absent); totals are plain digit strings for data-total.
   */
  function view(raw, C) {
    const { params, unrolled, errors } = parse(raw, C);
    const out = { errors: [], params: null, unrolled: null, unrolledNote: null };
    if (params) {
      try {
        const counted = countParameters(params, C);
        out.params = {
          rows: counted.arrays.map((a) => [a.name, a.shape.join(" × "), group(a.count)]),
          total: String(counted.total), totalText: group(counted.total),
          command: countCommand(params, C),
        };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        errors.push(e);
      }
    }
    if (unrolled && unrolled.steps === null) {
      out.unrolledNote = "Enter a number of time steps T to count the unrolled graph.";
    } else if (unrolled && unrolled.output_size === 0n) {
      out.unrolledNote = "The unrolled graph needs an output layer: enter an output size K of at least one.";
    } else if (unrolled) {
      const w = unrolledWeights(unrolled);
      const { input_size: d, hidden_size: h, output_size: k, steps: t } = unrolled;
      const per = unrolled.recurrence === "full" ? `${h} × ${h}` : `${h}`;
      const rows = [
        ["input → hidden", `${t} × ${d} × ${h}`, group(w.input_to_hidden)],
        ["hidden → hidden", `${w.transitions} × ${per}`, group(w.hidden_to_hidden)],
        ["hidden → output", `${t} × ${h} × ${k}`, group(w.hidden_to_output)],
      ];
      if (unrolled.bias) rows.push(["biases", `${t} × (${h} + ${k})`, group(w.biases)]);
      out.unrolled = { rows, total: String(w.total), totalText: group(w.total), command: unrolledCommand(unrolled, C) };
    }
    out.errors = errors.map((e) => ({ field: e.field, message: e.message }));
    return out;
  }

  return { PARAM_FIELDS, UNROLLED_FIELDS, LABELS, InputError, parse, countParameters, unrolledWeights, group, view, defaults };
});
