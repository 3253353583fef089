"""Entry point of the frozen build: the same as the `annotator` console script.

`annotator` alone opens the window; `annotator import ...`, `annotator export ...` etc. run
the command line, exactly as in a source install.
"""

import os

# qtawesome goes through QtPy: make it pick the bundled binding even if the user's
# environment names another one (only PySide6 is in the bundle).
os.environ["QT_API"] = "pyside6"

from annotator.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
