# The book's commands. `make book` and `make test` are the whole set-up: each creates
# the environment from requirements.txt first (once; again whenever requirements.txt
# changes): .venv with Python 3.11, .venv-3.12 with PYTHON=python3.12.
#
#   make book        build the site into _build/html (SOLUTIONS=hide leaves solutions out)
#   make test        run every test: data, package, pairing, nbval, build
#   make lab         open the chapters in JupyterLab, to change a value and re-run
#   make notebooks   make each chapters/NN-topic.ipynb from its .md and execute it
#                    (CHAPTERS="chapters/01-....md" for some only)
#   make pdf         the book as two A4 PDFs in _build/pdf: the teacher's (each chapter's
#                    solutions at its end) and the student's (none); needs TeX Live
#   make bench       time each chapter and the build; write benchmarks/report.md
#   make venv        only create the environment (the one step that needs the network)
#   make mutants     mutation benchmark (mutmut) of sinorus' alignment and process-tracing
#                    modules; write benchmarks/mutants.md (a benchmark, not part of make test)
#   make screenshots the browser test, keeping screenshots in _build/screenshots
#   make lock        re-resolve requirements.in into requirements.txt (needs the network)
#   make data        check the raw files against data/curate/sources.toml, download those
#                    that can be (network), re-run the curation scripts (SOURCES=folder)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# PYTHON may be a name or a path; a name that is not on PATH is also looked for among
# pyenv's versions. Without PYTHON, python3.11 is used, else python3.12.
PYTHON ?= python3.11 python3.12
PYTHON_EXE := $(firstword $(foreach p,$(PYTHON),$(shell \
	for exe in $(p) $$(pyenv root 2>/dev/null)/versions/*/bin/$(p); do \
	"$$exe" -c 'import sys; print(sys.executable)' 2>/dev/null && break; done)))
PY_VERSION := $(if $(PYTHON_EXE),$(shell $(PYTHON_EXE) -c 'import sys; print("%d.%d" % sys.version_info[:2])'))
# One environment per Python, so that 3.11 and 3.12 can be tested side by side.
VENV := $(if $(filter 3.11,$(PY_VERSION)),.venv,.venv-$(PY_VERSION))
BIN := $(VENV)/bin
READY := $(VENV)/.ready-$(PY_VERSION)-$(shell cksum < requirements.txt | cut -d' ' -f1)
# Every Python process of a build or test run refuses the network (tests/offline).
OFFLINE := PYTHONPATH=$(CURDIR)/tests/offline PYDEVD_DISABLE_FILE_VALIDATION=1
SOLUTIONS ?= show

.PHONY: help book test lab notebooks bench mutants venv lock data clean screenshots pdf

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

# The stamp's name carries requirements.txt's checksum, so the environment is rebuilt when
# the pins change, not merely when the file is touched (a fresh clone or worktree).
$(READY):
	@test -n "$(PYTHON_EXE)" || { echo "No Python found for PYTHON=$(PYTHON): install Python 3.11 or 3.12, or set PYTHON=/path/to/python3.x"; exit 1; }
	@case "$(PY_VERSION)" in 3.11|3.12) ;; *) echo "$(PYTHON_EXE) is Python $(PY_VERSION); the book supports 3.11 and 3.12"; exit 1;; esac
	rm -rf $(VENV)
	$(PYTHON_EXE) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip check --disable-pip-version-check
	@# Build matplotlib's font cache now, so its one-off notice never lands in a notebook.
	$(BIN)/python -c "import matplotlib.pyplot"
	touch $@

book: $(READY)
	rm -rf _build/html
ifeq ($(SOLUTIONS),hide)
	@mkdir -p _build
	$(BIN)/python -m sinorus.sphinx_solutions _build/config-without-solutions.yml
	$(OFFLINE) $(BIN)/jupyter-book build . --all -W -n --keep-going \
		--config _build/config-without-solutions.yml
else
	$(OFFLINE) $(BIN)/jupyter-book build . --all -W -n --keep-going
endif
	@echo "The book is built: $(CURDIR)/_build/html/index.html"

# The two PDFs. Debian packages: texlive-xetex latexmk texlive-latex-extra
# texlive-fonts-recommended fonts-texgyre fonts-dejavu-core (see the README).
PDF_NAME := sino-russian-alignment
pdf: $(READY)
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { echo "make pdf needs TeX Live: apt-get install texlive-xetex latexmk texlive-latex-extra texlive-fonts-recommended fonts-texgyre fonts-dejavu-core"; exit 1; }
	@test -n "$$(fc-list "TeX Gyre Pagella")" || { echo "make pdf needs the OpenType TeX Gyre fonts: apt-get install fonts-texgyre"; exit 1; }
	rm -rf _build/pdf _build/pdf-teacher _build/pdf-student
	$(OFFLINE) $(BIN)/jupyter-book build . --all --builder pdflatex --path-output _build/pdf-teacher
	@mkdir -p _build/pdf
	$(BIN)/python -m sinorus.sphinx_solutions _build/config-without-solutions.yml
	$(OFFLINE) $(BIN)/jupyter-book build . --all --builder pdflatex --path-output _build/pdf-student \
		--config _build/config-without-solutions.yml
	cp _build/pdf-teacher/_build/latex/$(PDF_NAME).pdf _build/pdf/$(PDF_NAME)-teacher.pdf
	cp _build/pdf-student/_build/latex/$(PDF_NAME).pdf _build/pdf/$(PDF_NAME)-student.pdf
	SINORUS_REQUIRE_PDF=1 $(OFFLINE) $(BIN)/python -m pytest -q tests/test_pdf.py
	@echo "The PDFs are built: $(CURDIR)/_build/pdf/"

venv: $(READY)

test: $(READY)
	$(OFFLINE) $(BIN)/python -m pytest
	$(MAKE) --no-print-directory test-cpu

# nbval (figures too) again with numpy's dispatched SIMD paths off and OpenBLAS on an old
# kernel: stored outputs must not depend on the processor (tests/cpu_portable.py).
.PHONY: test-cpu
test-cpu: $(READY)
	$(OFFLINE) $(BIN)/python tests/cpu_portable.py

# Not offline: a reader's own session may fetch what it likes. The kernel is this
# environment's Python, so the chapters run as they do in the tests.
# LAB_OPTIONS passes options on, e.g. LAB_OPTIONS="--no-browser --port 8890".
lab: $(READY)
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/chapters/00-how-to-use.ipynb $(LAB_OPTIONS)

notebooks: $(READY)
	$(OFFLINE) $(BIN)/python -m sinorus.notebooks regenerate $(CHAPTERS)

screenshots: $(READY)
	$(OFFLINE) SINORUS_SCREENSHOTS=$(CURDIR)/_build/screenshots $(BIN)/python -m pytest tests/test_browser.py

bench: $(READY)
	$(OFFLINE) $(BIN)/python benchmarks/run.py

mutants: $(READY)
	rm -rf mutants
	$(OFFLINE) $(BIN)/mutmut run --max-children 2
	$(BIN)/python benchmarks/mutants.py

# Not offline: this is the one target that may download (a raw file missing from the cache).
data: $(READY)
	$(BIN)/python data/curate/fetch.py --run

# `--all` keeps setuptools in the lock (plain `pip freeze` leaves it out); pip is the
# venv's own. Lock with Python 3.11; `make test PYTHON=python3.12` checks the pins on 3.12.
# The current pins constrain the resolution, so only what requirements.in changed moves
# (LOCK_FRESH=1 re-resolves everything to the newest releases).
lock:
	@test -n "$(PYTHON_EXE)" || { echo "No Python found for PYTHON=$(PYTHON)"; exit 1; }
	rm -rf .lockvenv
	$(PYTHON_EXE) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.in \
		$(if $(LOCK_FRESH),,-c requirements.txt)
	{ sed -n '1,2p' requirements.txt; \
	  .lockvenv/bin/python -m pip freeze --all --exclude pip --disable-pip-version-check; } > requirements.txt.new
	mv requirements.txt.new requirements.txt
	rm -rf .lockvenv

clean:
	rm -rf _build .venv .venv-3.* .pytest_cache mutants
