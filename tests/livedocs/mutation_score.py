"""Mutation score of the checker and TeX packages (cosmic-ray), per module, sampled.

Not a test (pytest does not collect it; it takes minutes per module).  Usage::

    uv venv /tmp/crenv && uv pip install -p /tmp/crenv cosmic-ray
    uv run python tests/livedocs/mutation_score.py --sample 20 livedocs/tex/evaluate.py ...

For each module: copy the working tree to a scratch folder, ``cosmic-ray init`` every
mutant, keep a deterministic sample of ``--sample`` of them, ``cosmic-ray exec`` with the
quick livedocs tests (``-x``, the pages' tests and the digit-mutation test aside, for
speed): a mutant killed there is killed by ``pytest -m "not slow"``, so the score is a
lower bound.  ``--confirm`` re-runs every survivor against tests/livedocs and docs.
Prints killed/total per module and each survivor's diff; ``--equivalent FILE`` lists
survivors judged equivalent (``module:job-diff-first-line``), excluded from the score.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
QUICK = (f"{PY} -m pytest -x -q -p no:cacheprovider -m 'not slow' tests/livedocs "
         "--ignore=tests/livedocs/test_mutation.py")
FULL = [PY, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", "not slow",
        "tests/livedocs", "docs"]


def copy_tree(dest: Path, commit: str) -> None:
    """The tree of ``commit`` (a fixed snapshot, whatever the working tree holds)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def score(module: str, sample: int, cr: str, work: Path, commit: str,
          confirm: bool = False) -> dict:
    tree = work / "tree"
    if tree.exists():
        shutil.rmtree(tree)
    copy_tree(tree, commit)
    cfg, db = work / f"{Path(module).stem}.toml", work / f"{Path(module).stem}.sqlite"
    cfg.write_text(f'[cosmic-ray]\nmodule-path = "{module}"\ntimeout = 600.0\n'
                   f'excluded-modules = []\ntest-command = "{QUICK}"\n\n'
                   '[cosmic-ray.distributor]\nname = "local"\n', encoding="utf-8")
    db.unlink(missing_ok=True)
    subprocess.run([cr, "init", str(cfg), str(db)], cwd=tree, check=True)
    con = sqlite3.connect(db)
    jobs = [r[0] for r in con.execute("select job_id from work_items order by job_id")]
    keep = set(random.Random(module).sample(jobs, min(sample, len(jobs))))
    drop = [(j,) for j in jobs if j not in keep]
    con.executemany("delete from mutation_specs where job_id = ?", drop)
    con.executemany("delete from work_items where job_id = ?", drop)
    con.commit()
    subprocess.run([cr, "exec", str(cfg), str(db)], cwd=tree, check=True)
    rows = con.execute("select r.job_id, r.test_outcome, r.diff from work_results r").fetchall()
    survivors = []
    for job, outcome, diff in rows:
        if str(outcome).lower() != "survived":
            continue
        if not confirm:
            survivors.append({"job": job, "diff": diff})
            continue
        # the survivor against the whole quick suite: apply it, run, restore
        subprocess.run([cr, "apply", module, *_spec(con, job)], cwd=tree, check=True)
        full = subprocess.run(FULL, cwd=tree, capture_output=True, text=True)
        restore = subprocess.run(["git", "show", f"{commit}:{module}"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        (tree / module).write_bytes(restore)
        if full.returncode == 0:
            survivors.append({"job": job, "diff": diff})
    counted = [r for r in rows if str(r[1]).lower() in ("killed", "survived")]
    total = len(counted)
    killed = total - len(survivors)
    return {"module": module, "total": total, "killed": killed, "all_mutants": len(jobs),
            "incompetent": len(rows) - total, "survivors": survivors}


def _spec(con: sqlite3.Connection, job: str) -> list[str]:
    op, occ = con.execute("select operator_name, occurrence from mutation_specs where "
                          "job_id = ?", (job,)).fetchone()
    return [op, str(occ)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="+")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--cosmic-ray", default="/tmp/crenv/bin/cosmic-ray")
    parser.add_argument("--out", default=None, help="write the results as JSON here")
    parser.add_argument("--commit", default="HEAD", help="the snapshot to mutate")
    parser.add_argument("--confirm", action="store_true",
                        help="re-run each survivor against tests/livedocs and docs (slow)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="livedocs-mutation-"))
    commit = subprocess.run(["git", "rev-parse", args.commit], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    print(f"mutating {commit}", flush=True)
    results = []
    for module in args.modules:
        r = score(module, args.sample, args.cosmic_ray, work, commit, args.confirm)
        results.append(r)
        print(f"{module}: {r['killed']}/{r['total']} killed (a sample of {r['all_mutants']}; "
              f"{r['incompetent']} incompetent)", flush=True)
        for s in r["survivors"]:
            print(f"  survivor {s['job']}:\n{s['diff']}", flush=True)
        if args.out:
            Path(args.out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
