"""rnnnotes: recurrent networks in numpy, small enough to read, exact enough to trust.

Every number on the rnnnotes site is computed by this package.
"""

__version__ = "0.1.0"
