# Two commands for a new user: `make run` and `make test`. Only Python 3.11 is needed on the machine.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# Links in e-mails (confirmation, invitations, notifications) point where this server listens, unless
# SITE_URL says otherwise (a LAN name, a proxy). A wildcard address is reached through loopback.
ifeq ($(strip $(SITE_URL)),)
SITE_URL := http://$(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
endif
MANAGE := DJANGO_SETTINGS_MODULE=config.settings.local SITE_URL='$(SITE_URL)' $(BIN)/python manage.py

.PHONY: run test lint lock messages clean help

help:
	@echo "make run    serve http://$(HOST):$(PORT) with SQLite and demo data (no other service)"
	@echo "make test   run the whole test suite (uses DATABASE_URL / REDIS_URL when set)"
	@echo "make lint   ruff, then mypy (strict on services and selectors)"
	@echo "make lock   regenerate the hashed requirement files from pyproject.toml"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps record which lock file was installed; editing the lock reinstalls.
$(VENV)/.base-installed: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@ $(VENV)/.base-installed

run: $(VENV)/.base-installed
	$(MANAGE) migrate --noinput
	$(MANAGE) make_demo_signing_cert
	$(MANAGE) seed_demo
	$(MANAGE) seed_demo_requests
	$(MANAGE) seed_demo_register
	$(MANAGE) seed_demo_standards
	$(MANAGE) seed_demo_skm
	@$(MANAGE) demo_users
	@echo "Serving http://$(HOST):$(PORT)/  (Ctrl+C to stop; links in e-mails: $(SITE_URL))"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.txt
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.txt

messages: $(VENV)/.dev-installed
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=tests
	$(BIN)/python manage.py compilemessages -l en -l id --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .mypy_cache
