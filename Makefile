# Makefile: builds, tests, benchmarks and installs Verbeterbord.
#   make run    install missing Debian packages, build, start the kiosk on a demo database
#   make test   install missing packages, build, run every test (normal + ASan/UBSan)
#   make bench  print the benchmark figures
# Nothing is built inside the source folders: everything goes to build/.

.SECONDEXPANSION:
BUILD    ?= build
CC       ?= cc
SAN      ?= 0
PREFIX   ?= /usr
DESTDIR  ?=
# The kiosk links only these (each shared library costs start-up time and
# memory: docs/performance.md); SDL2_image only reads the test references.
PKGS     := sdl2 SDL2_ttf sqlite3 libcjson libsodium zlib
# Debian packages the build, the tests and `make run` need (dpkg-dev builds
# the package, lintian and devscripts' hardening-check check it).
DEB_PKGS := make gcc libc6-dev pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev \
            libsqlite3-dev sqlite3 libsodium-dev libcjson-dev zlib1g-dev fonts-dejavu-core gettext \
            python3 xvfb xauth valgrind dpkg-dev lintian devscripts

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
OPT       ?= -O2
# Warnings are errors while developing and in CI; an install on a newer
# compiler (make install, make deb) builds with WERROR= so it cannot break.
WERROR   ?= -Werror
WARNINGS  = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wvla $(WERROR)
# Invariants (VB_ASSERT in core/vb_err.h) are checked in development and test
# builds; an installation (make install, make deb) builds with NDEBUG.
NDEBUG   ?=
CFLAGS_ALL = -std=c11 $(WARNINGS) $(NDEBUG) -D_GNU_SOURCE -g $(OPT) $(PKG_CFLAGS) \
             -DVB_LOCALEDIR='"$(PREFIX)/share/locale"' $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -lpthread $(LDLIBS)
# One-way layers (docs/HACKING.md): platform/platform.h refuses inclusion
# unless VB_PLATFORM_ALLOWED is set, and only platform/, app/, main.c and the
# test programs get it; screens/, ui/, store/ and core/ cannot reach SDL's
# layer. `make print-cflags F=file.c` shows a file's flags (tests/layers).
PLATFORM_OK  = -DVB_PLATFORM_ALLOWED
layer_cflags = $(if $(filter kiosk/platform/% kiosk/app/% kiosk/main.c tests/%,$(1)),$(PLATFORM_OK))
ifeq ($(SAN),1)
  CFLAGS_ALL += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS    += -fsanitize=address,undefined
endif

LIB_SRC  := $(sort $(wildcard kiosk/core/*.c kiosk/store/*.c kiosk/ui/*.c kiosk/platform/*.c \
                              kiosk/app/*.c kiosk/screens/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/migrations.o
MIGRATIONS := $(sort $(wildcard db/[0-9][0-9][0-9][0-9]_*.sql))
# Catalogs: assets/po/<lang>/<area>.po, merged per language into one .mo.
LANGS    := $(notdir $(wildcard assets/po/*))
MO_FILES := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/verbeterbord.mo)
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BIN      := $(BUILD)/verbeterbord

.PHONY: all deps run test test-only bench update-refs clean check-deps fuzz soak pot print-cflags
all: $(BIN) $(MO_FILES)

# Installs only what is missing; with everything present it does nothing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || { echo "apt-get install failed for:$$missing"; exit 1; }; \
	fi

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS_ALL) $(call layer_cflags,$<) -MMD -MP -c $< -o $@

$(BUILD)/gen/migrations.c: $(MIGRATIONS) kiosk/store/embed-sql.sh
	@mkdir -p $(dir $@)
	@sh kiosk/store/embed-sql.sh $@ $(MIGRATIONS)

$(BUILD)/obj/gen/migrations.o: $(BUILD)/gen/migrations.c
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libkiosk.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BIN): $(BUILD)/obj/kiosk/main.o $(BUILD)/libkiosk.a
	@echo "LD $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/locale/%/LC_MESSAGES/verbeterbord.mo: $$(wildcard assets/po/%/*.po)
	@mkdir -p $(dir $@)
	@msgcat --use-first -o $(BUILD)/locale/$*.po $(sort $(wildcard assets/po/$*/*.po))
	@msgfmt --check-format -o $@ $(BUILD)/locale/$*.po

# Tests may use the fault-injection / power-loss VFS (tests/vfs/faultvfs.h).
TEST_VFS := $(BUILD)/obj/tests/vfs/faultvfs.o
# Kept after a fresh build (not an intermediate to delete), so the next
# `make` does not relink every test program.
.SECONDARY: $(TEST_VFS)
$(BUILD)/tests/%: tests/%.c tests/testlib.h $(BUILD)/libkiosk.a $(TEST_VFS)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) $(PLATFORM_OK) $(LDFLAGS) -o $@ $< $(TEST_VFS) $(BUILD)/libkiosk.a $(LDLIBS_ALL)

$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/libkiosk.a $(TEST_VFS)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) $(PLATFORM_OK) $(LDFLAGS) -o $@ $< $(TEST_VFS) $(BUILD)/libkiosk.a $(LDLIBS_ALL)

# imgdiff reads PNGs of any kind (the references).
$(BUILD)/tools/imgdiff: tests/tools/imgdiff.c
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) $(shell pkg-config --cflags SDL2_image) $(LDFLAGS) -o $@ $< \
	  $(shell pkg-config --libs SDL2_image) $(LDLIBS_ALL)

# The floor (tests/tools/floor.c): SDL2 and SDL2_ttf only, nothing of the kiosk.
$(BUILD)/tools/floor: tests/tools/floor.c
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) $(LDFLAGS) -o $@ $< $(shell pkg-config --libs sdl2 SDL2_ttf)

# Fuzz targets: replayed over their seed corpora by `make test`, fuzzed by `make fuzz`.
FUZZ_SRC    := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES  := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 60

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(BUILD)/libkiosk.a
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) $(PLATFORM_OK) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libkiosk.a $(LDLIBS_ALL)

tests-bin: all $(TEST_BIN) $(TOOL_BIN) $(FUZZ_REPLAY)

# libFuzzer with ASan and UBSan (clang); each target runs FUZZ_SECONDS.
fuzz: deps
	@$(if $(shell command -v clang),,$(MAKE) --no-print-directory DEB_PKGS="clang libclang-rt-14-dev" deps)
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang SAN=1 OPT=-O1 \
	  CFLAGS="-fsanitize=fuzzer-no-link -Wno-error" $(BUILD)/fuzz/libkiosk.a
	@for t in $(FUZZ_NAMES); do \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  clang $(CFLAGS_ALL) $(PLATFORM_OK) -Wno-error -fsanitize=fuzzer,address,undefined -o $(BUILD)/fuzz/fuzz_$$t \
	    tests/fuzz/fuzz_$$t.c $(BUILD)/fuzz/libkiosk.a $(LDLIBS_ALL) || exit 1; \
	  mkdir -p $(BUILD)/fuzz/corpus-$$t; \
	  $(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    $(BUILD)/fuzz/corpus-$$t tests/fuzz/corpus/$$t 2>&1 | grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|Done' || exit 1; \
	done

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN) --db $(BUILD)/demo.db --demo $(RUN_ARGS)

# A template for translators: every string of the code (English msgids).
pot: $(BUILD)/verbeterbord.pot
$(BUILD)/verbeterbord.pot: $(LIB_SRC) kiosk/main.c
	@mkdir -p $(dir $@)
	xgettext --from-code=UTF-8 --language=C -k_ -kN_ -ki18n_plural:1,2 --package-name=verbeterbord -o $@ $^

# Runs the suite once normally and once under AddressSanitizer and UBSan,
# the test programs in parallel on the available cores (tests/README.md says
# what runs here and what only in `make soak`). T=name runs only the test
# program of that name in both builds, e.g. `make test T=test_crash` or
# `make test T=test_learning.py`. Prints how long it took, building included.
T ?=
test: deps
	@VB_MAKE_T0=$$(date +%s.%N); export VB_MAKE_T0; \
	$(MAKE) --no-print-directory tests-bin && \
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan SAN=1 tests-bin && \
	TEST_NAME='$(T)' sh tests/run.sh $(BUILD) $(BUILD)/asan

# Only the normal build's tests (quicker while developing); T=name as above.
test-only: tests-bin
	@TEST_NAME='$(T)' sh tests/run.sh $(BUILD)

update-refs: tests-bin
	@UPDATE_REFS=1 sh tests/run.sh $(BUILD)

# The full counts of the stress tests (issue 6): 1,000 kills and power cuts,
# a million monkey events under ASan/UBSan, and a longer valgrind run.
soak: deps
	@$(MAKE) --no-print-directory tests-bin
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan SAN=1 tests-bin
	VB_CRASH_ITER=1000 $(BUILD)/tests/test_crash
	VB_MONKEY_EVENTS=1000000 ASAN_OPTIONS=detect_leaks=1 $(BUILD)/asan/tests/test_monkey
	VB_VALGRIND_EVENTS=5000 sh tests/valgrind/test_valgrind.sh $(BUILD)

bench: deps
	@$(MAKE) --no-print-directory tests-bin
	@sh tests/bench.sh $(BUILD)
	@sh tests/bench_large.sh $(BUILD)

clean:
	rm -rf build

# The compile flags of one source file F (its layer's included).
print-cflags:
	@echo $(CFLAGS_ALL) $(call layer_cflags,$(F))

# Installation and the Debian package live in deploy/install.mk.
-include deploy/install.mk

.PHONY: tests-bin
-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
