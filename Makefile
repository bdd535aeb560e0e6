# intercomd — build and test. `make test` is what CI runs (.ci/run).
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
# speexdsp echo cancellation when libspeexdsp-dev is installed; half-duplex otherwise.
TAGS    ?= $(shell pkg-config --exists speexdsp 2>/dev/null && echo speexdsp)

.PHONY: build run test check unit nocgo web-test browser-test fuzz bench deps lab arm

build:
	$(GO) build -trimpath -tags '$(TAGS)' -ldflags '$(LDFLAGS)' -o intercomd ./cmd/intercomd

run:
	$(GO) run ./cmd/intercomd

deps:
	scripts/install-deps.sh

# Everything CI checks, in order of speed.
test: deps check unit nocgo web-test fuzz browser-test lab arm

check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...
	$(GO) test -race -count=1 -tags speexdsp ./device

# The CGO_ENABLED=0 build must keep compiling (reduced features, see README).
nocgo:
	CGO_ENABLED=0 $(GO) build ./...

web-test:
	cd web && npm ci --no-audit --no-fund && npm test

# Headless Chromium in a network namespace (needs root): the SDK between
# browsers through mosquitto, then the page against a real intercomd.
browser-test:
	bash web/e2e/run-selftest.sh
	bash web/e2e/run-daemon.sh

# A short run of every fuzz target; longer runs: make fuzz FUZZTIME=5m
FUZZTIME ?= 10s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$f"; \
	    if ! $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg > /tmp/intercomd-fuzz.log 2>&1; then \
	      if grep -q 'Failing input written' /tmp/intercomd-fuzz.log || ! grep -q 'context deadline exceeded' /tmp/intercomd-fuzz.log; then \
	        cat /tmp/intercomd-fuzz.log; exit 1; fi; \
	      echo "  the fuzz engine timed out a worker without a finding; once more"; \
	      $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg > /tmp/intercomd-fuzz.log 2>&1 || { cat /tmp/intercomd-fuzz.log; exit 1; }; \
	    fi; \
	  done; done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The hardware lab: Debian's kernel in QEMU with gpio-sim, vivid, vicodec and
# snd-aloop (test/lab/README.md). LAB_CACHE keeps downloads and builds.
LAB_CACHE ?= $(CURDIR)/test/lab/cache
lab:
	LAB_CACHE=$(LAB_CACHE) test/lab/run.sh

# ARM cross builds, Debian packages and their smoke tests under qemu-user
# (build/arm/README.md).
arm:
	$(MAKE) -C build/arm
