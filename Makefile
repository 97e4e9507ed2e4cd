# Yunzhao — the two commands a new machine needs:
#   make run    set up everything, load the demo zone, serve http://127.0.0.1:8000
#   make test   install what the tests need, lint, type-check, run the suite on SQLite and PostgreSQL
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/
PYTEST_ARGS ?=
DEBIAN_TEST_PACKAGES := chromium fonts-noto-cjk fonts-noto-core gettext

export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help run serve setup install install-dev system-deps bench-deps catalogs messages migrate demo test test-fast lint typecheck migrations-check test-sqlite test-postgres bench vendor-assets clean

help:
	@echo "make run      install, migrate, load the demo data and serve on http://$(HOST):$(PORT)"
	@echo "make test     lint, type-check and run the whole suite on SQLite and PostgreSQL"
	@echo "make test-fast  the suite on SQLite without browser tests"
	@echo "make bench [NAME=x]  run the benchmarks under bench/"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(VENV)/.base-installed: requirements/base.txt | $(PY)
	$(UV) pip sync --quiet --python $(PY) requirements/base.txt
	@touch $@

$(VENV)/.dev-installed: requirements/base.txt requirements/dev.txt | $(PY)
	$(UV) pip sync --quiet --python $(PY) requirements/base.txt requirements/dev.txt
	@touch $@ $(VENV)/.base-installed

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

catalogs: install
	$(MANAGE) compile_catalogs

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_demo

setup: catalogs demo

# The web server and one background worker (Excel imports, mail, the daily digest); Ctrl-C stops both.
run: setup
	@echo "Yunzhao is starting on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	@$(MANAGE) db_worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver --noreload $(HOST):$(PORT)

# Debian packages the tests need: a real browser, CJK and Arabic fonts, gettext.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	fc-list 2>/dev/null | grep -q "NotoSansArabic\|Noto Sans Arabic" || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBIAN_TEST_PACKAGES) >/dev/null; \
	  else \
	    echo "The tests need Debian packages:$$missing"; \
	    echo "Run: sudo apt-get update && sudo apt-get install -y $(DEBIAN_TEST_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

lint: install-dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck: install-dev
	$(VENV)/bin/mypy

migrations-check: install-dev
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

# Extract the strings into src/yunzhao/locale/*/LC_MESSAGES/django.po (needs gettext).
messages: install
	cd src/yunzhao && ../../$(PY) ../../manage.py makemessages -l zh_Hans -l en -l ja -l ko -l ar -l es -l fr -l ru --ignore="static/vendor/*" --no-obsolete

test-sqlite: install-dev
	$(MANAGE) compile_catalogs
	$(VENV)/bin/pytest -p xdist -n 2 $(PYTEST_ARGS)

test-postgres: install-dev
	@if $(PY) scripts/pg_ready.py "$(TEST_POSTGRES_URL)"; then \
	  echo "Running the suite on PostgreSQL ($(TEST_POSTGRES_URL))"; \
	  DATABASE_URL="$(TEST_POSTGRES_URL)yunzhao" $(VENV)/bin/pytest -p xdist -n 2 --create-db $(PYTEST_ARGS); \
	elif [ -n "$$REQUIRE_POSTGRES" ]; then \
	  echo "PostgreSQL does not answer at $(TEST_POSTGRES_URL), and REQUIRE_POSTGRES is set."; exit 1; \
	else \
	  echo "PostgreSQL does not answer at $(TEST_POSTGRES_URL): skipping the PostgreSQL run."; \
	fi

test: system-deps install-dev lint typecheck migrations-check test-sqlite test-postgres

test-fast: install-dev
	$(MANAGE) compile_catalogs
	$(VENV)/bin/pytest -m "not e2e" $(PYTEST_ARGS)

# The portal benchmark loads the server with wrk (Debian's package).
bench-deps:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; \
	  else echo "The benchmarks need wrk: sudo apt-get install -y wrk"; exit 1; fi; }

bench: install-dev bench-deps
	$(PY) bench/run.py $(NAME)

vendor-assets:
	scripts/vendor-assets

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
