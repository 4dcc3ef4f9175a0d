"""``rnnnotes``: the counting functions on the command line.

Two subcommands, each a thin front to one function of :mod:`rnnnotes.counting`::

    rnnnotes count CELL --input-size N --hidden-size N [--num-layers N] [--bidirectional]
                        [--proj-size N] [--output-size N] [--no-bias]
                        [--convention pytorch|keras] [--no-reset-after] [--json]
        -> count_parameters(...): the unique trainable arrays and their total

    rnnnotes unrolled --input-size D --hidden-size H --output-size K --steps T
                      [--recurrence full|per-unit] [--bias] [--initial-state] [--json]
        -> unrolled_weights(...): weight uses (edges) of an Elman RNN unrolled over T steps

``--proj-size 0`` and ``--output-size 0`` (like leaving them out) mean "none". Bad input
exits with status 2 and exactly one line on stderr naming the option, never a usage dump
or a traceback: :class:`Parser` overrides ``argparse``'s ``error``.

Counts in tables are grouped by thousands (``8,192``); ``--json`` prints plain
ints: ``{"total": int, "arrays": [{"name", "shape", "count"}], ...}``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import NoReturn

from rnnnotes.counting import (
    CELLS,
    CONVENTIONS,
    RECURRENCES,
    ParamCount,
    UnrolledCount,
    count_parameters,
    unrolled_weights,
)

# The unrolled graph's keyword defaults, stated once, in the function's signature.
UNROLLED_DEFAULTS = {p.name: p.default
                     for p in inspect.signature(unrolled_weights).parameters.values()
                     if p.kind is p.KEYWORD_ONLY}

# Deeper stacks are no one's model, and the table would run to millions of lines.
MAX_LAYERS = 1000
PROG = "rnnnotes"

# The package's argument names and the options that carry them (for its error messages).
OPTIONS = {
    "cell": "CELL",
    "input_size": "--input-size",
    "hidden_size": "--hidden-size",
    "num_layers": "--num-layers",
    "proj_size": "--proj-size",
    "output_size": "--output-size",
    "convention": "--convention",
    "reset_after": "--reset-after",
    "steps": "--steps",
    "recurrence": "--recurrence",
    "bias": "--bias",
    "initial_state": "--initial-state",
}

EXAMPLES = {
    "count": [
        "rnnnotes count lstm --input-size 20 --hidden-size 128",
        "rnnnotes count gru --input-size 20 --hidden-size 128 --convention keras",
        "rnnnotes count gru --input-size 20 --hidden-size 128 --convention keras"
        " --no-reset-after",
        "rnnnotes count lstm --input-size 20 --hidden-size 128 --num-layers 2 --bidirectional"
        " --proj-size 64 --output-size 10 --json",
    ],
    "unrolled": [
        "rnnnotes unrolled --input-size 20 --hidden-size 128 --output-size 10 --steps 5",
        "rnnnotes unrolled --input-size 20 --hidden-size 128 --output-size 10 --steps 5"
        " --bias --initial-state",
        "rnnnotes unrolled --input-size 20 --hidden-size 128 --output-size 10 --steps 5"
        " --recurrence per-unit",
    ],
}


class CliError(Exception):
    """Bad input found after parsing; the message names the option."""


class Parser(argparse.ArgumentParser):
    """``argparse`` that reports bad input as one line: ``PROG: error: MESSAGE``."""

    def error(self, message: str) -> NoReturn:
        # argparse says "argument --x: must be ..."; our types' messages read better as
        # "--x must be ...". Its own messages ("expected one argument") stay as they are.
        message = re.sub(r"^argument (\S+): (must .*)$", r"\1 \2", message)
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())}\n")


def group(n: int) -> str:
    """Thousands grouped, so a column of counts lines up: ``8,192``, ``10,240``."""
    return f"{n:,}"


def whole(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse ``type``: ASCII digits only (no ``1e3``, ``0x10``, ``1_000``, ``+5``)."""

    def parse(text: str) -> int:
        bound = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
        if not re.fullmatch(r"[0-9]+", text.strip()):
            raise argparse.ArgumentTypeError(f"must be a whole number {bound}, got {text!r}")
        value = int(text)
        if value < minimum or (maximum is not None and value > maximum):
            raise argparse.ArgumentTypeError(f"must be a whole number {bound}, got {value}")
        return value

    return parse


def one_of(choices: Sequence[str]) -> Callable[[str], str]:
    """An argparse ``type`` accepting exactly one of ``choices`` (case-sensitive)."""

    def parse(text: str) -> str:
        if text not in choices:
            raise argparse.ArgumentTypeError(
                f"must be one of {', '.join(choices)}, got {text!r}")
        return text

    return parse


def examples(commands: Sequence[str]) -> str:
    """The help's examples, long ones continued shell-style (`` \\`` then an indent)."""
    lines = ["examples:"]
    for command in commands:
        wrapped = textwrap.wrap(command, 72, break_long_words=False, break_on_hyphens=False)
        lines.append("  " + " \\\n      ".join(wrapped))
    return "\n".join(lines)


def build_parser() -> Parser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = Parser(
        prog=PROG, formatter_class=fmt, allow_abbrev=False,
        description=textwrap.fill(
            "Count the parameters of RNN, LSTM and GRU layers (PyTorch or Keras), and the "
            "weights of an RNN unrolled over T steps.", 78),
        epilog=examples([e for es in EXAMPLES.values() for e in es]),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    count = commands.add_parser(
        "count", formatter_class=fmt, allow_abbrev=False,
        help="unique trainable parameters of a layer stack (each array once)",
        description=textwrap.fill(
            "Unique trainable parameters of --num-layers stacked recurrent layers (and an "
            "optional dense layer), array by array, as PyTorch or Keras store them. The "
            "number of time steps plays no part.", 78),
        epilog=examples(EXAMPLES["count"]),
    )
    count.add_argument("cell", type=one_of(CELLS), metavar="CELL", help="rnn, lstm or gru")
    count.add_argument("--input-size", type=whole(1), required=True, metavar="N",
                       help="input features D")
    count.add_argument("--hidden-size", type=whole(1), required=True, metavar="N",
                       help="hidden units H")
    count.add_argument("--num-layers", type=whole(1, MAX_LAYERS), default=1, metavar="N",
                       help="stacked layers (default: 1)")
    count.add_argument("--bidirectional", action="store_true",
                       help="two directions per layer, outputs concatenated")
    count.add_argument("--proj-size", type=whole(0), default=0, metavar="N",
                       help="LSTM projection size, PyTorch only (default: 0, none)")
    count.add_argument("--output-size", type=whole(0), default=0, metavar="N",
                       help="outputs K of a dense layer on top (default: 0, none)")
    count.add_argument("--bias", action=argparse.BooleanOptionalAction, default=True,
                       help="keep the biases (default); --no-bias drops every one, the "
                            "dense layer's too")
    count.add_argument("--convention", type=one_of(CONVENTIONS), default="pytorch",
                       metavar="NAME", help="pytorch or keras (default: pytorch)")
    count.add_argument("--reset-after", action=argparse.BooleanOptionalAction, default=True,
                       help="Keras GRU: reset gate after the matmul, two biases "
                            "(default: on, as in Keras; PyTorch's GRU always is)")
    count.add_argument("--json", action="store_true", help="print JSON instead of a table")
    count.set_defaults(run=run_count)

    unrolled = commands.add_parser(
        "unrolled", formatter_class=fmt, allow_abbrev=False,
        help="weights (edges) of an Elman RNN unrolled over T steps",
        description=textwrap.fill(
            "Weight uses in an Elman RNN (D inputs, H hidden, K outputs) drawn as a "
            "feed-forward graph over T steps: every weight is one edge per step it is used "
            "in, so the count grows with T.", 78),
        epilog=examples(EXAMPLES["unrolled"]),
    )
    unrolled.add_argument("--input-size", type=whole(1), required=True, metavar="D")
    unrolled.add_argument("--hidden-size", type=whole(1), required=True, metavar="H")
    unrolled.add_argument("--output-size", type=whole(1), required=True, metavar="K")
    unrolled.add_argument("--steps", type=whole(1), required=True, metavar="T")
    unrolled.add_argument("--recurrence", type=one_of(RECURRENCES),
                          default=UNROLLED_DEFAULTS["recurrence"], metavar="KIND",
                          help="full (an H x H matrix, as in a standard Elman RNN; the "
                               "default) or per-unit (each hidden unit feeds only itself at "
                               "the next step)")
    unrolled.add_argument("--bias", action=argparse.BooleanOptionalAction, default=False,
                          help="one bias edge per unit per step (default: off)")
    unrolled.add_argument("--initial-state", action=argparse.BooleanOptionalAction,
                          default=False,
                          help="link h_0 into step 1: T transitions instead of T-1 "
                               "(default: off)")
    unrolled.add_argument("--json", action="store_true", help="print JSON instead of a table")
    unrolled.set_defaults(run=run_unrolled)
    return parser


def cli_message(message: str) -> str:
    """A package error message in the CLI's words: ``hidden_size=128`` -> ``--hidden-size 128``."""
    names = "|".join(OPTIONS)

    def option(m: re.Match[str]) -> str:
        value = m["quoted"] if m["quoted"] is not None else m["bare"]
        return OPTIONS[m["name"]] + (f" {value}" if value is not None else "")

    pattern = rf"\b(?P<name>{names})\b(?:=(?:'(?P<quoted>[^']*)'|(?P<bare>[^\s,)]+)))?"
    return re.sub(pattern, option, message)


def dumps(obj: dict[str, object]) -> str:
    """JSON with one key per line and each object of a list on one line of its own."""
    def item(key: str, value: object) -> str:
        if isinstance(value, list) and value:
            inner = ",\n".join(f"    {json.dumps(v)}" for v in value)
            return f"  {json.dumps(key)}: [\n{inner}\n  ]"
        return f"  {json.dumps(key)}: {json.dumps(value)}"

    return "{\n" + ",\n".join(item(k, v) for k, v in obj.items()) + "\n}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """Columns padded to their widest cell; columns in ``right`` right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) if i in right else c.ljust(w)
                       for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
             for r in [header, *rows]]
    return "\n".join(lines)


def run_count(args: argparse.Namespace) -> str:
    if not args.reset_after and args.convention != "keras":
        raise CliError("--no-reset-after needs --convention keras (PyTorch's GRU always "
                       "applies the reset gate after the matmul)")
    config = dict(
        cell=args.cell, input_size=args.input_size, hidden_size=args.hidden_size,
        num_layers=args.num_layers, bias=args.bias, bidirectional=args.bidirectional,
        proj_size=args.proj_size, output_size=args.output_size or None,
        convention=args.convention, reset_after=args.reset_after,
    )
    try:
        counted: ParamCount = count_parameters(**config)
    except (TypeError, ValueError) as err:
        raise CliError(cli_message(str(err))) from err
    if args.json:
        arrays = [{"name": a.name, "shape": list(a.shape), "count": a.count} for a in counted]
        return dumps({**config, "arrays": arrays, "total": counted.total})
    rows = [[a.name, " × ".join(map(str, a.shape)), group(a.count)] for a in counted]
    return table(["array", "shape", "count"], [*rows, ["total", "", group(counted.total)]],
                 right={2})


def unrolled_terms(u: UnrolledCount) -> list[tuple[str, str, int]]:
    """``(edges, product, count)`` per kind of edge, the product written with the sizes."""
    d, h, k, t = u.input_size, u.hidden_size, u.output_size, u.steps
    per_step = f"{h} × {h}" if u.recurrence == "full" else f"{h}"
    terms = [
        ("input → hidden", f"{t} × {d} × {h}", u.input_to_hidden),
        ("hidden → hidden", f"{u.transitions} × {per_step}", u.hidden_to_hidden),
        ("hidden → output", f"{t} × {h} × {k}", u.hidden_to_output),
    ]
    if u.bias:
        terms.append(("biases", f"{t} × ({h} + {k})", u.biases))
    return terms


def run_unrolled(args: argparse.Namespace) -> str:
    try:
        u = unrolled_weights(args.input_size, args.hidden_size, args.output_size, args.steps,
                             recurrence=args.recurrence, bias=args.bias,
                             initial_state=args.initial_state)
    except (TypeError, ValueError) as err:
        raise CliError(cli_message(str(err))) from err
    if args.json:
        return dumps(asdict(u))
    rows = [[name, product, group(n)] for name, product, n in unrolled_terms(u)]
    return table(["edges", "product", "count"], [*rows, ["total", "", group(u.total)]],
                 right={2})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, or 2 for bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("choose a command: count or unrolled (rnnnotes --help shows both)")
    try:
        out = args.run(args)
    except CliError as err:
        parser.exit(2, f"{PROG} {args.command}: error: {' '.join(str(err).split())}\n")
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:  # `rnnnotes ... | head`: the reader has gone, not an error
        # Point stdout at devnull so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0

