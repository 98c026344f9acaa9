# The book's commands. `make book` and `make test` are the whole set-up: each creates
# .venv from requirements.txt first (once; again whenever requirements.txt changes).
#
#   make book        build the site into _build/html (SOLUTIONS=hide leaves solutions out)
#   make test        run every test: data, package, pairing, nbval, build
#   make notebooks   make each chapters/NN-topic.ipynb from its .md and execute it
#                    (CHAPTERS="chapters/01-....md" for some only)
#   make pdf         the book as two A4 PDFs in _build/pdf: the teacher's (each chapter's
#                    solutions at its end) and the student's (none); needs TeX Live
#   make bench       time each chapter and the build; write benchmarks/report.md
#   make lock        re-resolve requirements.in into requirements.txt (needs the network)
#   make data        check the raw files against data/curate/sources.toml, download those
#                    that can be (network), re-run the curation scripts (SOURCES=folder)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3.12)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready-$(shell cksum < requirements.txt | cut -d' ' -f1)
# Every Python process of a build or test run refuses the network (tests/offline).
OFFLINE := PYTHONPATH=$(CURDIR)/tests/offline PYDEVD_DISABLE_FILE_VALIDATION=1
SOLUTIONS ?= show

.PHONY: help book test notebooks bench lock data clean pdf

help:
	@sed -n '1,14p' Makefile | sed 's/^# \{0,1\}//'

# The stamp's name carries requirements.txt's checksum, so the environment is rebuilt when
# the pins change, not merely when the file is touched (a fresh clone or worktree).
$(READY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or 3.12 is needed (set PYTHON=...)"; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
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
# texlive-fonts-recommended tex-gyre fonts-dejavu-core (see the README).
PDF_NAME := sino-russian-alignment
pdf: $(READY)
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { echo "make pdf needs TeX Live: apt-get install texlive-xetex latexmk texlive-latex-extra texlive-fonts-recommended tex-gyre fonts-dejavu-core"; exit 1; }
	rm -rf _build/pdf _build/pdf-teacher _build/pdf-student
	$(OFFLINE) $(BIN)/jupyter-book build . --all --builder pdflatex --path-output _build/pdf-teacher
	@mkdir -p _build/pdf
	$(BIN)/python -m sinorus.sphinx_solutions _build/config-without-solutions.yml
	$(OFFLINE) $(BIN)/jupyter-book build . --all --builder pdflatex --path-output _build/pdf-student \
		--config _build/config-without-solutions.yml
	cp _build/pdf-teacher/_build/latex/$(PDF_NAME).pdf _build/pdf/$(PDF_NAME)-teacher.pdf
	cp _build/pdf-student/_build/latex/$(PDF_NAME).pdf _build/pdf/$(PDF_NAME)-student.pdf
	$(OFFLINE) $(BIN)/python -m pytest -q tests/test_pdf.py
	@echo "The PDFs are built: $(CURDIR)/_build/pdf/"

test: $(READY)
	$(OFFLINE) $(BIN)/python -m pytest
	$(MAKE) --no-print-directory test-cpu

# nbval (figures too) again with numpy's dispatched SIMD paths off and OpenBLAS on an old
# kernel: stored outputs must not depend on the processor (tests/cpu_portable.py).
.PHONY: test-cpu
test-cpu: $(READY)
	$(OFFLINE) $(BIN)/python tests/cpu_portable.py

notebooks: $(READY)
	$(OFFLINE) $(BIN)/python -m sinorus.notebooks regenerate $(CHAPTERS)

bench: $(READY)
	$(OFFLINE) $(BIN)/python benchmarks/run.py

# Not offline: this is the one target that may download (a raw file missing from the cache).
data: $(READY)
	$(BIN)/python data/curate/fetch.py --run

lock:
	rm -rf .lockvenv
	$(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet -r requirements.in
	{ sed -n '1,2p' requirements.txt; .lockvenv/bin/python -m pip freeze; } > requirements.txt.new
	mv requirements.txt.new requirements.txt
	rm -rf .lockvenv

clean:
	rm -rf _build $(VENV) .pytest_cache
