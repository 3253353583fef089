"""Bengali news reader and claim annotator (Qt-free core; the window lives in `annotator.ui`)."""

__version__ = "0.1.0"
