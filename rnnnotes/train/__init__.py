"""Training rnnnotes models, small and seeded: the adding problem, SGD and Adam, a linear
readout with its squared-error loss, and a loop that records the loss and the gradient
reaching early steps.

- adding: the adding problem of Hochreiter & Schmidhuber (1997), time-major batches.
- optim: SGD (with momentum) and Adam, PyTorch's update rules, in place on dicts.
- regressor: a model plus a linear readout of its last output, loss and gradients.
- loop: train (any data, any optimiser) and train_adding (the seeded demonstration).
"""

from rnnnotes.train.adding import ADDING_VARIANCE, adding_problem
from rnnnotes.train.loop import TrainResult, train, train_adding
from rnnnotes.train.optim import SGD, Adam
from rnnnotes.train.regressor import SequenceRegressor

__all__ = [
    "ADDING_VARIANCE",
    "SGD",
    "Adam",
    "SequenceRegressor",
    "TrainResult",
    "adding_problem",
    "train",
    "train_adding",
]
