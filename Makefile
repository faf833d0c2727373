# Trellis: `make site` builds trellis and the example site; `make test` runs every test.
# Both install what is missing first (Debian packages), so they work on a fresh machine.

SWIFT ?= swift
APT_PACKAGES := libcmark-dev libtcmalloc-minimal4 pkg-config tzdata git
AUDIT_TOOLS := ../shared/tools/install-audit-deps
VENV := /opt/site-audit/venv
PYTEST_VERSION := 8.3.5
PYYAML_VERSION := 6.0.2

.PHONY: site test deps audit-deps release clean screenshots

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null && \
	  apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 $$missing >/dev/null; \
	fi

site: deps
	$(SWIFT) build --product trellis
	$(SWIFT) run --skip-build trellis build
	@touch Public/.gitkeep

# The browser tools (Chromium, the Nu validator, axe-core, Playwright) and pytest, in a private venv.
audit-deps:
	$(AUDIT_TOOLS)
	@$(VENV)/bin/python -c "import pytest, yaml" 2>/dev/null || $(VENV)/bin/pip install -q --disable-pip-version-check pytest==$(PYTEST_VERSION) pyyaml==$(PYYAML_VERSION)
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null; apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 nginx-light >/dev/null; }

test: deps audit-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(VENV)/bin/python -m pytest Tests/Browser
	bench/guard.sh

# The speed regression guard: instructions counted by callgrind for a small synthetic site, against
# bench/guard-budget (bench/guard.sh --record sets a new budget).
.PHONY: bench-guard
bench-guard: deps
	bench/guard.sh

# Full-page PNGs of every kind of page at 320 px, 1280 px and 400% zoom, in Screenshots/.
screenshots: deps audit-deps
	$(SWIFT) build --product trellis
	$(VENV)/bin/python Tests/Browser/screenshots.py

release: deps
	$(SWIFT) build -c release --product trellis

clean:
	rm -rf .build Public/*

# The benchmark (bench/README.md): synthetic sites of 1,000, 10,000 and 50,000 documents built by the
# release trellis, side by side with Hugo when it is installed and with the floor (cmark + writing the
# same files), on disk and on tmpfs. Settings pass through the environment: BENCH_SIZES="1000 10000",
# BENCH_RUNS=3, BENCH_WORK, BENCH_SHM ... (see bench/run.sh). Results: bench/results.md.
.PHONY: bench
bench: deps
	bench/run.sh
