"""Mutation score of the checker and TeX packages (cosmic-ray), per module.

Not a test (pytest does not collect it; it takes minutes per module).  Usage::

    uv venv /tmp/crenv && uv pip install -p /tmp/crenv cosmic-ray
    nice -n 15 uv run python tests/livedocs/mutation_score.py --sample 30 \\
        livedocs/tex/evaluate.py livedocs/checker/prose.py ...

For each module: copy a committed snapshot (``--commit``, HEAD by default) to a scratch
folder, ``cosmic-ray init`` every mutant, keep a deterministic sample of ``--sample`` of
them (``--sample 0``: all), and ``cosmic-ray exec`` each against ``QUICK``: the quick
livedocs tests, unit tests first, with ``-x``.  ``QUICK`` is a subset of
``uv run pytest -m "not slow"`` (it leaves out the bibliography's build, which reads no
checker or TeX module, and the digit-mutation test of the real pages, which only repeats
the pages' own tests at length), so a mutant killed there is killed by the quick suite:
the score is a lower bound.  ``--confirm`` re-runs each survivor against the quick
livedocs tests and the pages (``FULL``).

Survivors judged equivalent (no test could tell them from the original) are listed with
a reason in ``mutation_equivalents.toml`` beside this file, keyed by module and the line
the mutant removes and adds; a survivor that changes only annotations (these modules never
evaluate them) is proved equivalent by comparing syntax trees.  Both are excluded from the
score and printed with their reason.  Prints killed/total per module and each survivor's
diff; ``--out`` writes JSON.  ``--previous OLD.json`` runs only OLD's survivors again for
each module whose file is unchanged (after adding tests that should kill them).
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
EQUIVALENTS = Path(__file__).with_name("mutation_equivalents.toml")
# Fast unit tests first: with -x most mutants die in the first seconds.
ORDER = ["test_tex.py", "test_evaluate.py", "test_planmath.py", "test_relations.py",
         "test_live_format.py", "test_prose.py", "test_source.py", "test_givens.py",
         "test_reading.py",
         "test_htmlmap.py", "test_show.py", "test_checks.py", "test_markdown_ext.py",
         "test_page_info.py", "test_layout.py", "test_corpus.py", "test_page_counts.py"]
LEFT_OUT = {"test_bibliography.py", "test_mutation.py", "test_invocations.py",
            "mutation_score.py", "__init__.py"}


def quick_command(tree: Path) -> str:
    tests = tree / "tests" / "livedocs"
    present = sorted(p.name for p in tests.glob("test_*.py") if p.name not in LEFT_OUT)
    ordered = [n for n in ORDER if n in present] + [n for n in present if n not in ORDER]
    files = " ".join(f"tests/livedocs/{n}" for n in ordered)
    return f"{PY} -m pytest -x -q -p no:cacheprovider -m 'not slow' {files}"


FULL = [PY, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", "not slow",
        "tests/livedocs", "docs"]


def copy_tree(dest: Path, commit: str) -> None:
    """The tree of ``commit`` (a fixed snapshot, whatever the working tree holds)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def changed_lines(diff: str) -> tuple[str, str]:
    """The first line a mutant's diff removes and the first it adds, stripped."""
    lines = diff.splitlines()
    before = next((x[1:].strip() for x in lines if x.startswith("-")
                   and not x.startswith("---")), "")
    after = next((x[1:].strip() for x in lines if x.startswith("+")
                  and not x.startswith("+++")), "")
    return before, after


def _without_annotations(source: str) -> str:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            node.returns = None
            for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs,
                      node.args.vararg, node.args.kwarg]:
                if a is not None:
                    a.annotation = None
        elif isinstance(node, ast.AnnAssign):
            node.annotation = ast.Constant(None)
    return ast.dump(tree)


def annotation_only(original: str, diff: str) -> bool:
    """The mutant changes nothing but annotations, in a module that never evaluates them
    (``from __future__ import annotations``; livedocs calls no ``get_type_hints``), so no
    test can tell it from the original.  Proved by comparing the two syntax trees with
    every annotation removed."""
    if "from __future__ import annotations" not in original:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "m.py", Path(tmp) / "out.py"
        src.write_text(original, encoding="utf-8")
        done = subprocess.run(["patch", "-s", "-o", str(out), str(src)], input=diff,
                              text=True, capture_output=True)
        if done.returncode != 0:
            return False
        mutant = out.read_text(encoding="utf-8")
    try:
        return mutant != original and \
            _without_annotations(mutant) == _without_annotations(original)
    except SyntaxError:
        return False


def load_equivalents(path: Path = EQUIVALENTS) -> dict[tuple[str, str, str], str]:
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = {}
    for item in data.get("equivalent", []):
        missing = {"module", "before", "after", "why"} - set(item)
        if missing:
            raise ValueError(f"{path}: an [[equivalent]] entry needs module, before, after "
                             f"and why; {sorted(missing)} missing in {item}")
        out[(item["module"], item["before"].strip(), item["after"].strip())] = item["why"]
    return out


_PASSED: set[str] = set()  # snapshots whose unmutated tests passed


def score(module: str, sample: int, cr: str, work: Path, commit: str,
          equivalents: dict, confirm: bool = False, timeout: float = 240.0,
          previous: dict | None = None) -> dict:
    """Killed/total of ``module``'s sample.  With ``previous`` (this module's result at an
    earlier commit where the module was the same file), only its survivors run again: the
    mutants it killed stay killed (the tests that killed them are still there)."""
    tree = work / "tree"
    if tree.exists():
        shutil.rmtree(tree)
    copy_tree(tree, commit)
    cfg, db = work / f"{Path(module).stem}.toml", work / f"{Path(module).stem}.sqlite"
    cfg.write_text(f'[cosmic-ray]\nmodule-path = "{module}"\ntimeout = {timeout}\n'
                   f'excluded-modules = []\ntest-command = "{quick_command(tree)}"\n\n'
                   '[cosmic-ray.distributor]\nname = "local"\n', encoding="utf-8")
    db.unlink(missing_ok=True)
    # the unmutated snapshot must pass, or every mutant would count as killed (once per
    # snapshot: every module's copy of it is the same)
    if commit not in _PASSED:
        base = subprocess.run(quick_command(tree), shell=True, cwd=tree, capture_output=True,
                              text=True)
        if base.returncode != 0:
            raise SystemExit(f"{module}: the unmutated snapshot fails its tests:\n"
                             f"{base.stdout[-3000:]}")
        _PASSED.add(commit)
    subprocess.run([cr, "init", str(cfg), str(db)], cwd=tree, check=True)
    con = sqlite3.connect(db)
    # job ids are random; the (operator, occurrence) order is fixed by the snapshot
    jobs = [r[0] for r in con.execute(
        "select w.job_id from work_items w join mutation_specs m on m.job_id = w.job_id "
        "order by m.operator_name, m.occurrence")]
    n = len(jobs) if sample <= 0 else min(sample, len(jobs))
    keep = set(random.Random(module).sample(jobs, n))
    carried, known = 0, []
    if previous is not None:
        # a survivor since listed as equivalent (or annotation-only) need not run again
        original = (tree / module).read_text(encoding="utf-8")
        again = set()
        for x in previous["survivors"]:
            why = equivalents.get((module, *changed_lines(x["diff"])))
            if why is None and annotation_only(original, x["diff"]):
                why = "annotation only (never evaluated), proved by the syntax trees"
            if why is None:
                again.add(tuple(x["spec"]))
            else:
                known.append({**x, "why": why})
        keep = {j for j in jobs if tuple(_spec(con, j)) in again}
        n, carried = previous["sampled"], previous["killed"]
    drop = [(j,) for j in jobs if j not in keep]
    con.executemany("delete from mutation_specs where job_id = ?", drop)
    con.executemany("delete from work_items where job_id = ?", drop)
    con.commit()
    subprocess.run([cr, "exec", str(cfg), str(db)], cwd=tree, check=True)
    rows = con.execute("select r.job_id, r.test_outcome, r.diff from work_results r").fetchall()
    survivors, equivalent = [], []
    for job, outcome, diff in rows:
        if str(outcome).lower() != "survived":
            continue
        why = equivalents.get((module, *changed_lines(diff)))
        if why is None and annotation_only((tree / module).read_text(encoding="utf-8"), diff):
            why = "annotation only (never evaluated), proved by the syntax trees"
        if why is not None:
            equivalent.append({"job": job, "diff": diff, "why": why,
                               "spec": _spec(con, job)})
            continue
        if confirm:
            # the survivor against the whole quick suite: apply it, run, restore
            subprocess.run([cr, "apply", module, *_spec(con, job)], cwd=tree, check=True)
            full = subprocess.run(FULL, cwd=tree, capture_output=True, text=True)
            restore = subprocess.run(["git", "show", f"{commit}:{module}"], cwd=ROOT,
                                     capture_output=True, check=True).stdout
            (tree / module).write_bytes(restore)
            if full.returncode != 0:
                continue
        survivors.append({"job": job, "diff": diff, "spec": _spec(con, job)})
    counted = [r for r in rows if str(r[1]).lower() in ("killed", "survived")]
    total = len(counted) - len(equivalent) + carried
    if previous is not None:
        equivalent += known + previous["equivalent"]
    return {"module": module, "commit": commit, "total": total,
            "killed": total - len(survivors),
            "sampled": n, "all_mutants": len(jobs), "equivalent": equivalent,
            "incompetent": len(rows) - len(counted), "survivors": survivors}


def _spec(con: sqlite3.Connection, job: str) -> list[str]:
    op, occ = con.execute("select operator_name, occurrence from mutation_specs where "
                          "job_id = ?", (job,)).fetchone()
    return [op, str(occ)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="+")
    parser.add_argument("--sample", type=int, default=30, help="mutants per module; 0: all")
    parser.add_argument("--cosmic-ray", default="/tmp/crenv/bin/cosmic-ray")
    parser.add_argument("--out", default=None, help="write the results as JSON here")
    parser.add_argument("--commit", default="HEAD", help="the snapshot to mutate")
    parser.add_argument("--timeout", type=float, default=240.0,
                        help="seconds per mutant's test run (a timeout counts as killed)")
    parser.add_argument("--previous", default=None,
                        help="a JSON of --out: run only its survivors again, for each "
                             "module whose file has not changed since")
    parser.add_argument("--confirm", action="store_true",
                        help="re-run each survivor against tests/livedocs and docs (slow)")
    args = parser.parse_args()
    equivalents = load_equivalents()
    work = Path(tempfile.mkdtemp(prefix="livedocs-mutation-"))
    commit = subprocess.run(["git", "rev-parse", args.commit], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    print(f"mutating {commit}", flush=True)
    earlier = {r["module"]: r for r in json.loads(Path(args.previous).read_text())} \
        if args.previous else {}
    results = []
    for module in args.modules:
        prev = earlier.get(module)
        if prev is not None and subprocess.run(
                ["git", "diff", "--quiet", prev["commit"], commit, "--", module],
                cwd=ROOT).returncode != 0:
            print(f"{module} changed since {prev['commit'][:10]}: its whole sample runs",
                  flush=True)
            prev = None
        r = score(module, args.sample, args.cosmic_ray, work, commit, equivalents,
                  args.confirm, args.timeout, prev)
        results.append(r)
        print(f"{module}: {r['killed']}/{r['total']} killed (sampled {r['sampled']} of "
              f"{r['all_mutants']}; {len(r['equivalent'])} equivalent excluded; "
              f"{r['incompetent']} incompetent)", flush=True)
        for s in r["survivors"]:
            print(f"  survivor {s['job']}:\n{s['diff']}", flush=True)
        for s in r["equivalent"]:
            print(f"  equivalent ({s['why']}):\n{s['diff']}", flush=True)
        if args.out:
            Path(args.out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
