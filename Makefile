# Giảm nghèo — the commands a developer and CI use. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run setup install static migrate demo test test-postgres lint format messages bench bench-portal bench-api bench-feedback prod-local clean

run: setup ## A working site on SQLite with the demo data, on http://$(HOST)
	@echo ""
	@echo "  Giảm nghèo is running on http://$(HOST)/   (admin: http://$(HOST)/admin/)"
	@$(MANAGE) load_demo | tail -n +2
	@echo ""
	@# Scheduled publishing runs beside the server and stops with it.
	trap 'kill 0' EXIT; $(MANAGE) run_scheduler & $(MANAGE) runserver $(HOST)

setup: install static migrate demo

install: $(VENV)/.installed frontend/node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

frontend/node_modules/.installed: frontend/package.json
	cd frontend && npm install --no-audit --no-fund --loglevel=error && mkdir -p node_modules
	touch $@

static: install ## Copy the npm libraries into static files and collect them
	$(BIN)/python scripts/copy_frontend.py
	$(MANAGE) collectstatic --noinput --verbosity 0

migrate: install
	$(MANAGE) migrate --noinput --verbosity 0
	$(MANAGE) import_units

demo: migrate
	$(MANAGE) load_demo > /dev/null

test: install ## The whole suite (SQLite unless DATABASE_URL is set), on every core
	$(BIN)/python scripts/copy_frontend.py
	$(BIN)/pytest -n auto --dist loadscope

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install ## Refresh locale/vi from the code, then compile every catalogue
	$(MANAGE) makemessages --locale vi --no-obsolete --ignore '.venv/*' --ignore 'var/*' \
		--ignore 'frontend/*' --ignore 'locale/*' --ignore 'tests/*' --ignore 'bench/*'
	$(MANAGE) makemessages --locale vi --domain djangojs --no-obsolete --ignore '.venv/*' \
		--ignore 'var/*' --ignore 'frontend/*' --ignore 'locale/*'
	-$(BIN)/python scripts/translate.py > /dev/null
	$(MANAGE) compilemessages --ignore '.venv/*'

# Databases and caches of the benches come from the environment (bench/README.md):
# BENCH_DATABASE_URL, BENCH_IMPORT_DATABASE_URL, BENCH_REPORT_DATABASE_URL, BENCH_CACHE_URL.
BENCH_DBS ?= postgres

bench: $(VENV)/.installed ## Every bench (indicators, import, report, portal, feedback, API), ratios with the load average into bench/RESULTS.md
	$(BIN)/python bench/generate.py --db $(BENCH_DBS)
	$(BIN)/python bench/run_all.py

bench-portal: $(VENV)/.installed ## Requests per second of portal pages, cached and not, on gunicorn
	$(BIN)/python bench/bench_portal.py

bench-api: $(VENV)/.installed ## Requests per second of a data API list beside a bare JSON view
	$(BIN)/python bench/bench_api.py

bench-feedback: $(VENV)/.installed ## Feedback submissions per second (form, Open311) beside a bare INSERT
	$(BIN)/python bench/bench_feedback.py

prod-local: install ## The reference deployment of deploy/ on this machine, on https://localhost:8443/
	$(BIN)/python scripts/copy_frontend.py
	$(BIN)/python scripts/prod_local.py up --demo $(PROD_LOCAL_ARGS)

clean:
	rm -rf var/static
