// Run the calculator's pure JS (docs/calculator/counting.js) on requests from pytest.
// usage: node calc_harness.js PATH/TO/counting.js < {"constants": {...}, "requests": [...]}
// Each request is {"view": {field: string, ...}} (what the page shows for those inputs) or
// {"count": {field: string, ...}} (parse + countParameters: arrays with exact counts).
// Prints one JSON array of results; BigInts become decimal strings.
"use strict";
const calc = require(require("path").resolve(process.argv[2]));

const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const { constants: C, requests } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const results = requests.map((req) => {
    if (req.view) return calc.view(req.view, C);
    const parsed = calc.parse(req.count, C);
    if (!parsed.params) return { errors: parsed.errors.map((e) => e.field) };
    try {
      return calc.countParameters(parsed.params, C);
    } catch (e) {
      if (e instanceof calc.InputError) return { errors: [e.field] };
      throw e;
    }
  });
  const text = JSON.stringify(results, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  process.stdout.write(text);
});
