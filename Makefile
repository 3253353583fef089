# Two commands for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export QT_API := pyside6

.PHONY: install install-test run test test-all lint format bench bench-readme clean \
	install-desktop uninstall-desktop i18n

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "python3 -m venv failed: install python3-venv (sudo apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Checks the system libraries Qt's window needs first: installs them with apt-get as root,
# else names the one `sudo apt-get install ...` line and stops (annotator/desktop_libs.py).
run: install
	@$(BIN)/python -m annotator.desktop_libs --install
	$(BIN)/annotator

test: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test-all: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m ''

lint: install-test
	$(BIN)/ruff check annotator tests
	$(BIN)/ruff format --check annotator tests

format: install-test
	$(BIN)/ruff format annotator tests
	$(BIN)/ruff check --fix annotator tests

bench: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_all.py

# Runs the benchmarks, keeps the report as docs/benchmarks.json and rewrites the README table.
bench-readme: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_all.py --readme

# The interface translations: refresh resources/i18n/annotator_bn.ts (and the English plural
# forms, annotator_en.ts) from every string marked in annotator/, compile both to .qm, then
# list what still needs translating (resources/i18n/missing.py; translate those in the .ts
# and run `make i18n` again). See docs/ARCHITECTURE.md, "Interface language".
I18N := resources/i18n
I18N_SOURCES = $(shell find annotator -name '*.py' | LC_ALL=C sort)
LUPDATE_FLAGS := -no-obsolete -locations none -source-language en
i18n:
	$(BIN)/pyside6-lupdate $(I18N_SOURCES) $(LUPDATE_FLAGS) -target-language bn_BD \
		-ts $(I18N)/annotator_bn.ts
	$(BIN)/pyside6-lupdate $(I18N_SOURCES) $(LUPDATE_FLAGS) -target-language en -pluralonly \
		-ts $(I18N)/annotator_en.ts
	$(BIN)/pyside6-lrelease -nounfinished $(I18N)/annotator_bn.ts -qm $(I18N)/annotator_bn.qm
	$(BIN)/pyside6-lrelease -nounfinished $(I18N)/annotator_en.ts -qm $(I18N)/annotator_en.qm
	$(BIN)/pyside6-lrelease $(I18N)/qtbase_bn.ts -qm $(I18N)/qtbase_bn.qm
	$(BIN)/python $(I18N)/missing.py $(I18N)/annotator_bn.ts
	$(BIN)/python $(I18N)/missing.py $(I18N)/annotator_en.ts

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build *.egg-info

# Linux desktop build in dist/annotator/ (PyInstaller, one folder); see packaging/README.md.
# The build tools go into their own venv so .venv stays as it is.
.PHONY: package
package: PACK_VENV := build/pack-venv
package:
	@test -x $(PACK_VENV)/bin/python || $(PYTHON) -m venv $(PACK_VENV)
	$(PACK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PACK_VENV)/bin/python -m pip install --quiet -r packaging/requirements.txt -e .
	$(PACK_VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller \
		packaging/annotator.spec
	@du -sh dist/annotator

# The menu entry, AppStream metainfo and icons for this user, under
# ${XDG_DATA_HOME:-~/.local/share} (packaging/install_desktop.py). Exec is the packaged
# binary when `make package` has built one, else this checkout's .venv/bin/annotator
# (`make install`); DESKTOP_EXEC=/path/to/annotator picks another.
DESKTOP_EXEC ?= $(if $(wildcard dist/annotator/annotator),$(abspath dist/annotator/annotator),$(abspath $(BIN)/annotator))

install-desktop:
	$(PYTHON) packaging/install_desktop.py install --exec "$(DESKTOP_EXEC)"

uninstall-desktop:
	$(PYTHON) packaging/install_desktop.py uninstall
