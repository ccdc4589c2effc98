# Two commands run everything: `make report` and `make test`.
# Each builds .venv on first use; nothing is installed by hand.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
SEED   := seeds/000_83f14baadfbd0921.txt
NATIVE := lib/arqam/_native/manifest.json

.PHONY: report test lab bench clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,native]'
	@touch $@

# The modules extraction spends its time in, compiled (lib/arqam/native.py)
# and compiled again when a source changes. Without a C compiler they run as
# Python: slower, with the same results.
$(NATIVE): $(VENV)/.installed $(wildcard lib/arqam/*.py)
	@$(PY) -m arqam.build_native || echo "make: arqam runs as pure Python"

report: $(NATIVE)
	$(PY) -m arqam report $(SEED)

test: $(NATIVE)
	$(PY) -m pytest -q

lab: $(NATIVE)
	$(VENV)/bin/jupyter lab notebooks/ $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: $(NATIVE)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/throughput.py
	$(PY) bench/memory.py
	$(PY) bench/peers.py
	$(PY) bench/peers.py --corpus
	$(PY) bench/report_time.py

clean:
	rm -rf $(VENV) outputs/*/ lib/arqam/_native
