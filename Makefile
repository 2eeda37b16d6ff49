# Two commands do all set-up: `make demo` and `make test` each create .venv/ when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv eval eval-check clean-venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

DEMO_INDEX := build/demo-index
DEMO_NOTICE := corpora/notices/n-tel-01.txt
DEMO_CV := corpora/cvs/cv-ict-001.txt

# The main job on the bundled corpus: index the notices and CVs, then an explained ranking of
# candidates for one vacancy (recruiter view) and of openings for one CV (candidate view).
demo: $(STAMP)
	$(BIN)/jobmatch parse $(DEMO_NOTICE)
	$(BIN)/jobmatch index add corpora/notices --kind notice --index $(DEMO_INDEX)
	$(BIN)/jobmatch index add corpora/cvs --kind cv --index $(DEMO_INDEX)
	$(BIN)/jobmatch rank --vacancy $(DEMO_NOTICE) --index $(DEMO_INDEX) --top 5
	$(BIN)/jobmatch search --cv $(DEMO_CV) --index $(DEMO_INDEX) --top 3

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Evaluation: `make eval` regenerates the committed eval/REPORT.md (and REPORT.json) from a full
# run; `make eval-check` is the CI gate (figures against eval/thresholds.toml, peers left out).
EVAL_EXTERNAL := --external skillspan --external rekrute

eval: $(STAMP)
	$(BIN)/jobmatch eval --split test $(EVAL_EXTERNAL) --out eval/out --write-summary eval/REPORT.md

eval-check: $(STAMP)
	$(BIN)/jobmatch eval --split test $(EVAL_EXTERNAL) --out eval/out --no-peers --check

clean-venv:
	rm -rf $(VENV)
