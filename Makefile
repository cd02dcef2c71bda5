# Valley Portal. `make run` serves the demo site; `make test` runs the whole suite. Both install what they need.
.PHONY: run test lint bench bench-notify messages audit

run:
	@scripts/bootstrap.sh requirements.txt
	@scripts/system_packages.sh gettext
	@.venv/bin/python scripts/run.py

test: lint
	@scripts/system_packages.sh gettext chromium fonts-wqy-microhei postgresql
	@.venv/bin/python scripts/test.py $(ARGS)

# The lint policy lives in pyproject.toml (ruff: rules, ignores with their reasons, import order).
lint:
	@scripts/bootstrap.sh requirements-dev.txt
	@.venv/bin/ruff check .

bench:
	@scripts/bootstrap.sh requirements.txt
	@scripts/system_packages.sh wrk gettext
	@.venv/bin/python bench/run.py $(ARGS)

# Lighthouse, axe-core and the Nu checker on the main pages of a throwaway demo (ARGS="--base URL" for a running
# site); prints one table. A tool, not part of `make test`.
audit:
	@scripts/bootstrap.sh requirements-dev.txt
	@scripts/system_packages.sh chromium openjdk-17-jre-headless nodejs
	@.venv/bin/python scripts/audit.py $(ARGS)

bench-notify:
	@scripts/bootstrap.sh requirements-dev.txt
	@scripts/system_packages.sh postfix || echo "[valley] without postfix's smtp-sink the bench uses aiosmtpd"
	@.venv/bin/python bench/notify.py $(ARGS)

# Refresh the catalogue after changing user-visible strings, then translate the new entries in django.po.
messages:
	@.venv/bin/python manage.py makemessages -l zh_Hans --no-obsolete --ignore='.venv/*' --ignore='var/*' \
		--ignore='tests/*' --ignore='bench/*' --ignore='scripts/*'
