"""``python -m rnnnotes``: the same command line as the ``rnnnotes`` console script."""

from rnnnotes.cli import main

raise SystemExit(main())
