# warta: archival news digitization pipeline.
#
#   make                  build the programs into build/bin
#   make demo             run the pipeline on samples/ and show the result
#   make check            every test, then again under ASan and UBSan, and
#                         each fuzz target for a second or 500 inputs (t0930)
#   make unit             the unit tests of formats/ alone, in seconds
#   make eval             what normalize and meta read, against tests/eval/ labels
#   make golden           rewrite samples/*.xml from samples/*.txt (review the diff!)
#   make bench            the benchmark (tests/bench.sh)
#   make fuzz             each libFuzzer target for FUZZ_SECONDS (tests/fuzz/)
#   make deps             only the dependency step (libraries and compiler)
#   make install PREFIX=/usr/local
#
#   DEVELOPER=1           warnings are errors (CI builds this way)
#   JOBS=N                how many test files run at once (make check)
#   FUZZ_SMOKE=0          make check with gcc's sanitizer build, no libFuzzer targets
#   FUZZ_SECONDS=N        how long make fuzz runs each target (60)
#
# The dependency step runs first: pkg-config (or, for libcsv, a compile
# probe) must find each library; on a Debian-like machine the missing
# packages are installed with apt-get, elsewhere the step stops and prints
# the list.  The test tools (bats, cmocka, GNU parallel, ...) are needed
# only by check, unit, demo and bench, and installed only for them.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
PKG_CONFIG ?= pkg-config

# pkg-config module, then the Debian package that provides it.
LIB_MODULES = libxml-2.0:libxml2-dev libarchive:libarchive-dev zlib:zlib1g-dev \
	libutf8proc:libutf8proc-dev libcrypto:libssl-dev libpcre2-8:libpcre2-dev \
	jansson:libjansson-dev libdeflate:libdeflate-dev libzstd:libzstd-dev
TEST_MODULES = cmocka:libcmocka-dev
# Command, then the Debian package that provides it (tests and demo only).
TEST_TOOLS_PKG = bats:bats parallel:parallel jq:jq xmllint:libxml2-utils \
	bsdtar:libarchive-tools unzip:unzip zstd:zstd xz:xz-utils bzip2:bzip2 \
	python3:python3 /usr/bin/time:time mandoc:mandoc wget:wget \
	pigz:pigz chromium:chromium node:nodejs npm:npm tidy:tidy

# The fuzz targets (make fuzz, and check's sanitizer build) need clang and
# its libFuzzer runtime: a compile probe, then these Debian packages, with
# LLVM's linker, lld, which links them in half the time (see fast_ld; where
# it is missing, the default linker does).
FUZZ_CC = clang
FUZZ_PKG = clang libclang-rt-dev lld

LIBS_PC = libxml-2.0 libarchive zlib libutf8proc libcrypto libpcre2-8 jansson \
	libdeflate libzstd
# libcsv has no pkg-config file: the dependency step probes for it.
EXTRA_LIBS = -lcsv -pthread

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wwrite-strings -Wcast-qual
ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
OPT ?= -O2 -g
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iformats $(CPPFLAGS)
CFLAGS_ALL = $(WARN) $(OPT) -pthread $(CFLAGS)
# Each object also writes its header dependencies (build/.../x.d).
DEPFLAGS = -MMD -MP

B ?= build
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined

# formats/ is one folder per layer; see HACKING.md.
FORMATS_SRC = $(sort $(wildcard formats/*/*.c))
CLI_SRC = pipeline/cli.c pipeline/jobs.c pipeline/progress.c
PROGRAMS_SRC = $(sort $(wildcard pipeline/warta*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
TOOLS_SRC = $(sort $(wildcard tests/tools/*.c))
# One libFuzzer target a parser of untrusted bytes (see HACKING.md), and
# what the targets share.
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_COMMON = tests/fuzz/common_file.c tests/fuzz/common_input.c
FUZZ_COMMON_OBJ = $(FUZZ_COMMON:tests/fuzz/%.c=$(B)/obj/fuzz/%.o)

# Data the project keeps as files (gazetteer, lexicons), compiled into the
# library as byte arrays: data_NAME[] and data_NAME_len for
# formats/data/NAME.tsv (NAME is a C identifier).
DATA_SRC = $(sort $(wildcard formats/data/*.tsv))
DATA_OBJ = $(DATA_SRC:formats/data/%.tsv=$(B)/obj/data/%.o) \
	$(B)/obj/data/html_css.o $(B)/obj/data/html_js.o

FORMATS_OBJ = $(FORMATS_SRC:formats/%.c=$(B)/obj/formats/%.o) $(DATA_OBJ)
CLI_OBJ = $(CLI_SRC:pipeline/%.c=$(B)/obj/pipeline/%.o)
PROGRAMS = $(PROGRAMS_SRC:pipeline/%.c=$(B)/bin/%)
UNITS = $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
TEST_TOOLS = $(TOOLS_SRC:tests/tools/%.c=$(B)/tools/%)
# The targets with libFuzzer (B=build/fuzz), and each with replay.c's
# main() in every build, so that the regressions replay without clang.
FUZZERS = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/%)
FUZZ_REPLAYS = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz-replay/%)
FUZZ_SAN = $(SAN_FLAGS) -fsanitize-address-use-after-scope
FUZZ_SECONDS ?= 60
# make check builds its three builds on every core,
# with one job more than the cores: a core is not left idle while a job waits
# on the disk (the links of the test binaries).
BUILD_JOBS ?= $(shell echo $$(($$(nproc 2>/dev/null || echo 2) + 1)))
LIBWARTA = $(B)/libwarta.a

PC_CFLAGS = $$($(PKG_CONFIG) --cflags $(LIBS_PC))
PC_LIBS = $$($(PKG_CONFIG) --libs $(LIBS_PC)) $(EXTRA_LIBS)

all: programs

programs: build/deps.ok
	@$(MAKE) --no-print-directory B=$(B) _programs

_programs: $(PROGRAMS)

deps: build/deps.ok

# install_missing LIST: installs the Debian packages in LIST with apt-get
# (through sudo when not root), or says what is missing and fails.
define install_missing
	if [ -n "$(1)" ]; then \
		if command -v apt-get >/dev/null; then \
			sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
			if [ -n "$$sudo" ] && ! command -v sudo >/dev/null; then \
				echo "deps: missing packages and no sudo; as root, run:" >&2; \
				echo "deps:   apt-get install$(1)" >&2; \
				exit 1; \
			fi; \
			echo "deps: installing$(1)"; \
			$$sudo apt-get update -qq && \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install \
				-y -qq --no-install-recommends $(1) >/dev/null || exit 1; \
		else \
			echo "deps: missing packages (Debian names):$(1)" >&2; \
			echo "deps: install them with your system's package manager, then run make again" >&2; \
			exit 1; \
		fi; \
	fi
endef

# What building needs: a compiler, pkg-config and the libraries.
build/deps.ok: Makefile
	@mkdir -p build
	@missing=""; \
	command -v $(CC) >/dev/null 2>&1 || missing="$$missing gcc"; \
	command -v make >/dev/null 2>&1 || missing="$$missing make"; \
	command -v $(PKG_CONFIG) >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	for m in $(LIB_MODULES); do \
		$(PKG_CONFIG) --exists $${m%%:*} 2>/dev/null || missing="$$missing $${m#*:}"; \
	done; \
	printf '#include <csv.h>\nint main(void) { struct csv_parser p; return csv_init(&p, 0); }\n' \
		>build/csv-probe.c; \
	$(CC) -o build/csv-probe build/csv-probe.c -lcsv >/dev/null 2>&1 || \
		missing="$$missing libcsv-dev"; \
	rm -f build/csv-probe build/csv-probe.c; \
	$(call install_missing,$$missing); \
	touch $@

# What the tests, the demo and the benchmark need besides; and the npm
# packages the browser tests load into the pages (tests/browser/, pinned
# by its package-lock.json), installed with npm ci into build/browser,
# never into the source tree.
build/testdeps.ok: build/deps.ok tests/browser/package.json \
    tests/browser/package-lock.json
	@missing=""; \
	for m in $(TEST_MODULES); do \
		$(PKG_CONFIG) --exists $${m%%:*} 2>/dev/null || missing="$$missing $${m#*:}"; \
	done; \
	for t in $(TEST_TOOLS_PKG); do \
		command -v $${t%%:*} >/dev/null 2>&1 || missing="$$missing $${t#*:}"; \
	done; \
	$(call install_missing,$$missing); \
	rm -rf build/browser && mkdir -p build/browser && \
	cp tests/browser/package.json tests/browser/package-lock.json \
		build/browser/ && \
	(cd build/browser && npm ci --no-audit --no-fund --ignore-scripts \
		--loglevel=error) || exit 1; \
	touch $@

# The libFuzzer toolchain: clang must link a target with -fsanitize=fuzzer.
build/fuzzdeps.ok: build/deps.ok
	@missing=""; \
	printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
		>build/fuzz-probe.c; \
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o build/fuzz-probe \
		build/fuzz-probe.c >/dev/null 2>&1 || missing="$(FUZZ_PKG)"; \
	rm -f build/fuzz-probe; \
	$(call install_missing,$$missing); \
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o build/fuzz-probe \
		build/fuzz-probe.c || exit 1; \
	rm -f build/fuzz-probe build/fuzz-probe.c; \
	touch $@

$(B)/obj/formats/%.o: formats/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(DEPFLAGS) $(PC_CFLAGS) -c -o $@ $<

$(B)/obj/pipeline/%.o: pipeline/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(DEPFLAGS) $(PC_CFLAGS) -c -o $@ $<

# $(call embed,SYMBOL,FILE): FILE as the C array SYMBOL[] and SYMBOL_len.
embed = { echo '\#include <stddef.h>'; \
	echo 'extern const unsigned char $(1)[];'; \
	echo 'extern const size_t $(1)_len;'; \
	echo 'const unsigned char $(1)[] = {'; \
	od -An -v -tu1 $(2) | sed 's/^  *//; s/  */,/g; s/$$/,/'; \
	echo '0 };'; \
	echo 'const size_t $(1)_len = sizeof($(1)) - 1;'; }

$(B)/gen/data_%.c: formats/data/%.tsv
	@mkdir -p $(@D)
	@$(call embed,data_$*,$<) >$@

# The reading room's stylesheet and script (formats/html/warta.css, .js),
# written into every site: data_html_css[], data_html_js[].
$(B)/gen/data_html_%.c: formats/html/warta.%
	@mkdir -p $(@D)
	@$(call embed,data_html_$*,$<) >$@

$(B)/obj/data/%.o: $(B)/gen/data_%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(LIBWARTA): $(FORMATS_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/bin/%: $(B)/obj/pipeline/%.o $(CLI_OBJ) $(LIBWARTA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(CLI_OBJ) $(LIBWARTA) $(LDFLAGS) $(PC_LIBS)

$(B)/unit/%: tests/unit/%.c $(LIBWARTA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(DEPFLAGS) \
		$$($(PKG_CONFIG) --cflags $(LIBS_PC) cmocka) \
		-o $@ $< $(LIBWARTA) $(LDFLAGS) \
		$$($(PKG_CONFIG) --libs $(LIBS_PC) cmocka) $(EXTRA_LIBS)

# The progress line is the programs' (pipeline/), tested on its own.
$(B)/unit/test_progress: tests/unit/test_progress.c $(CLI_OBJ) $(LIBWARTA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Ipipeline $(CFLAGS_ALL) $(DEPFLAGS) \
		$$($(PKG_CONFIG) --cflags $(LIBS_PC) cmocka) \
		-o $@ $< $(CLI_OBJ) $(LIBWARTA) $(LDFLAGS) \
		$$($(PKG_CONFIG) --libs $(LIBS_PC) cmocka) $(EXTRA_LIBS)

$(B)/tools/%: tests/tools/%.c $(LIBWARTA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(DEPFLAGS) $(PC_CFLAGS) \
		-o $@ $< $(LIBWARTA) $(LDFLAGS) $(PC_LIBS)

# What every target shares, and replay.c's main(), compiled once a build
# (not once a target: twelve targets, three files each).
$(B)/obj/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(DEPFLAGS) $(PC_CFLAGS) -Itests/fuzz \
		-c -o $@ $<

$(B)/fuzz-replay/%: tests/fuzz/%.c $(B)/obj/fuzz/replay.o $(FUZZ_COMMON_OBJ) \
    tests/fuzz/fuzz.h $(LIBWARTA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(PC_CFLAGS) -Itests/fuzz \
		-o $@ $< $(B)/obj/fuzz/replay.o $(FUZZ_COMMON_OBJ) $(LIBWARTA) \
		$(LDFLAGS) $(PC_LIBS)

# Only with B=build/fuzz, CC=clang and the coverage flags (see fuzz).
$(B)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON_OBJ) tests/fuzz/fuzz.h \
    $(LIBWARTA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(PC_CFLAGS) -Itests/fuzz \
		-fsanitize=fuzzer -o $@ $< $(FUZZ_COMMON_OBJ) $(LIBWARTA) \
		$(LDFLAGS) $(PC_LIBS)

_testbin: $(PROGRAMS) $(UNITS) $(TEST_TOOLS) $(FUZZ_REPLAYS)
# What make check's two builds run (see check): the plain build's bats
# files need the programs and the test tools; the sanitizer build's, the
# programs, the unit tests and the fuzz replay drivers (t0930 runs there),
# and the tools only when every file runs there too (SAN_TESTS=all).
_checkbin: $(PROGRAMS) $(TEST_TOOLS)
_checksanbin: $(PROGRAMS) $(UNITS) $(FUZZ_REPLAYS) \
    $(if $(filter all,$(SAN_TESTS)),$(TEST_TOOLS))
_unitbin: $(UNITS)
_fuzzbin: $(FUZZERS)

# fast_ld(CC,LINKER): -fuse-ld=LINKER when CC links with it.  Test builds
# link about a hundred binaries, and ld.bfd, the default, is the slow one:
# a unit test under ASan took 0.18 s of CPU to link with it, 0.05 s with
# GNU gold (gcc), and 0.40 s against 0.19 s with LLVM's lld (clang; gold
# links clang's ASan runtime too, with a warning for each of its local
# symbols).
fast_ld = $$(printf 'int main(void) { return 0; }\n' >build/ld-probe.c; \
	$(1) -fuse-ld=$(2) -o build/ld-probe build/ld-probe.c >/dev/null 2>&1 && \
	echo -fuse-ld=$(2); rm -f build/ld-probe build/ld-probe.c)

# The library and the targets, built by clang with coverage for libFuzzer
# and the sanitizers, into build/fuzz: the libFuzzer targets, and (for
# make check) the programs, the unit tests and the replay drivers too.
FUZZ_MAKE = $(MAKE) --no-print-directory -j$(BUILD_JOBS) B=build/fuzz \
	CC=$(FUZZ_CC) \
	OPT="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
	LDFLAGS="$(FUZZ_SAN) $(call fast_ld,$(FUZZ_CC),lld)"

# The plain build, then the sanitizer build; the runner runs the test
# files in parallel, prints a line as each one ends, then the one summary
# line, and fails on any failure.
#
# The sanitizer build is clang's build/fuzz where clang's libFuzzer can be
# had: ASan and UBSan, and the coverage hooks libFuzzer needs, so that the
# libFuzzer targets link against the same library, and t0930 runs each
# for a moment.  One build for both costs no more test time than gcc's
# sanitizer build did (100 s of CPU against 104 s for every file it runs,
# measured), saves a third build (95 s of CPU), and clang's UBSan sees
# more than gcc's (NULL + 0).  Elsewhere, or with FUZZ_SMOKE=0, it is
# gcc's, into build/san, and t0930 replays the regressions with its
# drivers alone.  (The plain build stays gcc's, without coverage: the
# hooks would slow the programs past the CPU bounds the hostile-input
# tests assert.)
#
# The unit tests are built and run on the sanitizer build only: there
# they check formats/ with ASan and UBSan watching, and the plain build's
# code is what every bats file runs.  So are the fuzz replay drivers:
# t0930 runs on the sanitizer build alone when there is one.  Each build
# makes only what its tests run (_checkbin, _checksanbin): a test binary
# costs half a second of CPU or more to compile and link under ASan.
FUZZ_SMOKE ?= 1
SAN_TESTS ?= marked
check: build/testdeps.ok
	@$(MAKE) --no-print-directory -j$(BUILD_JOBS) B=build \
		LDFLAGS="$(call fast_ld,$(CC),gold)" _checkbin
	@if [ "$(FUZZ_SMOKE)" = 1 ] && \
	    $(MAKE) --no-print-directory build/fuzzdeps.ok; then \
		$(FUZZ_MAKE) SAN_TESTS=$(SAN_TESTS) _checksanbin _fuzzbin && \
		FUZZ_SMOKE=1 SAN_TESTS=$(SAN_TESTS) \
		    tests/run.sh build build/fuzz; \
	else \
		echo "check: no libFuzzer targets: gcc's sanitizer build, and t0930 replays without them"; \
		$(MAKE) --no-print-directory -j$(BUILD_JOBS) B=build/san \
		    OPT="-O1 -g $(SAN_FLAGS)" \
		    LDFLAGS="$(SAN_FLAGS) $(call fast_ld,$(CC),gold)" \
		    SAN_TESTS=$(SAN_TESTS) _checksanbin && \
		FUZZ_SMOKE=0 SAN_TESTS=$(SAN_TESTS) \
		    tests/run.sh build build/san; \
	fi

# Each target for FUZZ_SECONDS, one after the other, on its corpus in
# build/fuzz/corpus/NAME (seeded from samples/ and the tests, and kept
# between runs); a crash is left in build/fuzz/crash/NAME.
fuzz: build/fuzzdeps.ok build/testdeps.ok
	@$(MAKE) --no-print-directory B=build _programs
	@$(FUZZ_MAKE) _fuzzbin
	@tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

unit: build/testdeps.ok
	@$(MAKE) --no-print-directory B=build _unitbin
	@tests/run.sh --unit build

demo: programs build/testdeps.ok
	@tests/demo.sh build/bin

eval: programs build/testdeps.ok
	@python3 tests/eval/score.py build/bin

golden: programs
	@tests/golden.sh build/bin

bench: build/testdeps.ok
	@$(MAKE) --no-print-directory B=build _testbin
	@st=0; tests/bench.sh build/bin || st=1; \
	tests/bench-html.sh build/bin || st=1; exit $$st

install: programs
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	for p in $(PROGRAMS); do install -m 0755 $$p $(DESTDIR)$(BINDIR)/; done
	for m in pipeline/*.1; do install -m 0644 $$m $(DESTDIR)$(MANDIR)/; done

clean:
	rm -rf build

.PRECIOUS: $(B)/gen/data_%.c $(B)/obj/pipeline/%.o $(B)/obj/fuzz/%.o

.PHONY: all programs _programs _testbin _checkbin _checksanbin \
	_unitbin _fuzzbin deps check unit \
	demo eval golden bench fuzz install clean

-include $(shell find $(B) -name '*.d' 2>/dev/null)
