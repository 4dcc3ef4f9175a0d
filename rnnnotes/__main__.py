"""``python -m rnnnotes``: the same command line as the ``rnnnotes`` console script."""

from rnnnotes.cli import main

if __name__ == "__main__":  # importing the module (pkgutil walks, docs tools) runs nothing
    raise SystemExit(main())
