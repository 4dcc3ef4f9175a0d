"""rnnnotes: recurrent networks in numpy, small enough to read, exact enough to trust.

Every number on the rnnnotes site is computed by this package.
"""

from importlib import metadata as _metadata

from rnnnotes import gradflow  # noqa: F401
from rnnnotes.counting import count_parameters, unrolled_edges, unrolled_weights  # noqa: F401
from rnnnotes.nn import GRU, LSTM, RNN  # noqa: F401

# The version is stated once, in pyproject.toml; the installed package's metadata carries it.
__version__ = _metadata.version("rnnnotes")
