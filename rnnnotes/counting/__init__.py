"""Counting: unique trainable parameters vs weight uses in the unrolled graph.

- [`count_parameters`][rnnnotes.counting.count_parameters]: the arrays PyTorch or Keras
  store for RNN/LSTM/GRU layers (each once; independent of the number of time steps).
- [`unrolled_weights`][rnnnotes.counting.unrolled_weights]: edges of an Elman RNN unrolled
  over $T$ steps (grows with $T$), with [`unrolled_edges`][rnnnotes.counting.unrolled_edges]
  materialising the same graph edge by edge.
"""

from rnnnotes.counting.parameters import (
    CELLS,
    CONVENTIONS,
    GATE_BLOCKS,
    ParamArray,
    ParamCount,
    count_parameters,
)
from rnnnotes.counting.unrolled import (
    RECURRENCES,
    UnrolledCount,
    unrolled_edges,
    unrolled_nodes,
    unrolled_weights,
)

__all__ = [
    "CELLS",
    "CONVENTIONS",
    "GATE_BLOCKS",
    "RECURRENCES",
    "ParamArray",
    "ParamCount",
    "UnrolledCount",
    "count_parameters",
    "unrolled_edges",
    "unrolled_nodes",
    "unrolled_weights",
]
