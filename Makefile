# A thin layer over CMake. `make demo` and `make test` work on a fresh Debian 12
# machine as root: they install the packages that are missing first.

PREFIX ?= /usr/local
BUILD  ?= build
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ifeq ($(CI),true)
CMAKE_FLAGS += -DTD_WERROR=ON
endif

PACKAGES = build-essential cmake pkg-config clang libclang-rt-dev valgrind \
           libutf8proc-dev libstemmer-dev libxxhash-dev libsqlite3-dev \
           zlib1g-dev libdeflate-dev libcmocka-dev python3

.PHONY: all deps build demo test test-only asan fuzz valgrind bench eval-stories install clean

all: build

deps:
	@scripts/deps.sh $(PACKAGES)

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/tidings brief examples/

# Every test: unit, text cases, CLI golden, golden briefs, fuzz corpus replay,
# then the same suite under ASan+UBSan.
test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory asan

test-only:
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B $(BUILD)-asan -DTD_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer builds of the readers (clang); `make fuzz` runs each for a while.
fuzz: deps
	@cmake -S . -B $(BUILD)-fuzz -DTD_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS)
	@tests/fuzz/run.sh $(BUILD)-fuzz

# The unit tests and the fuzz-corpus replays under Valgrind (errors and leaks fail).
valgrind: build
	@scripts/valgrind.sh $(BUILD)

bench: build
	@bench/run.sh $(BUILD)

# Stories against labelled corpora (gva-dev, ECB+), brief and store; skips
# without ../shared/data.
eval-stories: build
	@bench/eval_stories.py --bin $(BUILD)/tidings --store

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
