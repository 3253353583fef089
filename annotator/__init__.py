"""Bengali news reader and claim annotator (Qt-free core; the window lives in `annotator.ui`)."""

__version__ = "0.1.0"

from annotator import moved as _moved  # noqa: E402 - the old module names of #12's moves

_moved.install()
