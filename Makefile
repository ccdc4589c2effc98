# Two commands run everything: `make report` and `make test`.
# Each builds .venv on first use; nothing is installed by hand.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
SEED   := seeds/000_83f14baadfbd0921.txt

.PHONY: report test lab bench clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

report: $(VENV)/.installed
	$(PY) -m arqam report $(SEED)

test: $(VENV)/.installed
	$(PY) -m pytest -q

lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab notebooks/ $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/throughput.py
	$(PY) bench/memory.py
	$(PY) bench/peers.py
	$(PY) bench/peers.py --corpus
	$(PY) bench/report_time.py

clean:
	rm -rf $(VENV) outputs/*/
