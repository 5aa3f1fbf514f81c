# warta: archival news digitization pipeline.
#
#   make                  build the programs into build/bin
#   make demo             run the pipeline on samples/ and show the result
#   make check            every test, then again under ASan and UBSan
#   make golden           rewrite samples/*.xml from samples/*.txt (review the diff!)
#   make bench            the benchmark (tests/bench.sh)
#   make install PREFIX=/usr/local
#
# Every target first runs the dependency step (build/deps.ok): pkg-config
# must find each library; on a Debian-like machine the missing packages are
# installed with apt-get, elsewhere the step stops and prints the list.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
PKG_CONFIG ?= pkg-config

# pkg-config module, then the Debian package that provides it.
PKG_MODULES = libxml-2.0:libxml2-dev libarchive:libarchive-dev zlib:zlib1g-dev \
	libutf8proc:libutf8proc-dev libcrypto:libssl-dev libpcre2-8:libpcre2-dev \
	cmocka:libcmocka-dev
# Command, then the Debian package that provides it (tests and demo only).
TOOLS = pkg-config:pkg-config bats:bats jq:jq xmllint:libxml2-utils \
	bsdtar:libarchive-tools unzip:unzip zstd:zstd xz:xz-utils bzip2:bzip2 \
	python3:python3 /usr/bin/time:time mandoc:mandoc

LIBS_PC = libxml-2.0 libarchive zlib libutf8proc libcrypto libpcre2-8
# libcsv has no pkg-config file (the deps step checks for its header).
EXTRA_LIBS = -lcsv

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wwrite-strings -Wcast-qual
OPT ?= -O2 -g
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iformats $(CPPFLAGS)
CFLAGS_ALL = $(WARN) $(OPT) $(CFLAGS)

B ?= build
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined

FORMATS_SRC = $(sort $(wildcard formats/*.c))
PROGRAMS_SRC = $(sort $(wildcard pipeline/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
TOOLS_SRC = $(sort $(wildcard tests/tools/*.c))

# Data the project keeps as files (gazetteer, lexicons), compiled into the
# library as byte arrays: data_NAME[] and data_NAME_len for
# formats/data/NAME.tsv (NAME is a C identifier).
DATA_SRC = $(sort $(wildcard formats/data/*.tsv))
DATA_OBJ = $(DATA_SRC:formats/data/%.tsv=$(B)/obj/data/%.o)

FORMATS_OBJ = $(FORMATS_SRC:formats/%.c=$(B)/obj/formats/%.o) $(DATA_OBJ)
PROGRAMS = $(PROGRAMS_SRC:pipeline/%.c=$(B)/bin/%)
UNITS = $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
TEST_TOOLS = $(TOOLS_SRC:tests/tools/%.c=$(B)/tools/%)
LIBWARTA = $(B)/libwarta.a

all: programs

programs: build/deps.ok
	@$(MAKE) --no-print-directory B=$(B) _programs

_programs: $(PROGRAMS)

build/deps.ok: Makefile
	@mkdir -p build
	@missing=""; \
	for m in $(PKG_MODULES); do \
		$(PKG_CONFIG) --exists $${m%%:*} 2>/dev/null || missing="$$missing $${m#*:}"; \
	done; \
	command -v $(PKG_CONFIG) >/dev/null || missing="$$missing pkg-config"; \
	[ -f /usr/include/csv.h ] || missing="$$missing libcsv-dev"; \
	for t in $(TOOLS); do \
		command -v $${t%%:*} >/dev/null 2>&1 || missing="$$missing $${t#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null; then \
			sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
			if [ -n "$$sudo" ] && ! command -v sudo >/dev/null; then \
				echo "deps: missing packages and no sudo; as root, run:" >&2; \
				echo "deps:   apt-get install gcc make$$missing" >&2; \
				exit 1; \
			fi; \
			echo "deps: installing$$missing"; \
			$$sudo apt-get update -qq && \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
				gcc make$$missing >/dev/null || exit 1; \
		else \
			echo "deps: missing packages (Debian names):$$missing" >&2; \
			echo "deps: install them with your system's package manager, then run make again" >&2; \
			exit 1; \
		fi; \
	fi; \
	touch $@

$(B)/obj/formats/%.o: formats/%.c $(wildcard formats/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $$($(PKG_CONFIG) --cflags $(LIBS_PC)) -c -o $@ $<

$(B)/gen/data_%.c: formats/data/%.tsv
	@mkdir -p $(@D)
	@{ echo '#include <stddef.h>'; \
	echo 'extern const unsigned char data_$*[];'; \
	echo 'extern const size_t data_$*_len;'; \
	echo 'const unsigned char data_$*[] = {'; \
	od -An -v -tu1 $< | sed 's/^  *//; s/  */,/g; s/$$/,/'; \
	echo '0 };'; \
	echo 'const size_t data_$*_len = sizeof(data_$*) - 1;'; } >$@

$(B)/obj/data/%.o: $(B)/gen/data_%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(LIBWARTA): $(FORMATS_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/bin/%: pipeline/%.c $(LIBWARTA) $(wildcard formats/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $$($(PKG_CONFIG) --cflags $(LIBS_PC)) \
		-o $@ $< $(LIBWARTA) $(LDFLAGS) $$($(PKG_CONFIG) --libs $(LIBS_PC)) \
		$(EXTRA_LIBS)

$(B)/unit/%: tests/unit/%.c $(LIBWARTA) $(wildcard formats/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $$($(PKG_CONFIG) --cflags $(LIBS_PC) cmocka) \
		-o $@ $< $(LIBWARTA) $(LDFLAGS) $$($(PKG_CONFIG) --libs $(LIBS_PC) cmocka) \
		$(EXTRA_LIBS)

$(B)/tools/%: tests/tools/%.c $(LIBWARTA) $(wildcard formats/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $$($(PKG_CONFIG) --cflags $(LIBS_PC)) \
		-o $@ $< $(LIBWARTA) $(LDFLAGS) $$($(PKG_CONFIG) --libs $(LIBS_PC)) \
		$(EXTRA_LIBS)

_testbin: $(PROGRAMS) $(UNITS) $(TEST_TOOLS)

# The plain build, then the sanitizer build into build/san; the runner
# prints the one summary line and fails on any failure.
check: build/deps.ok
	@$(MAKE) --no-print-directory B=build _testbin
	@$(MAKE) --no-print-directory B=build/san OPT="-O1 -g $(SAN_FLAGS)" \
		LDFLAGS="$(SAN_FLAGS)" _testbin
	@tests/run.sh build build/san

demo: programs
	@tests/demo.sh build/bin

golden: programs
	@tests/golden.sh build/bin

bench: build/deps.ok
	@$(MAKE) --no-print-directory B=build _testbin
	@tests/bench.sh build/bin

install: programs
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	for p in $(PROGRAMS); do install -m 0755 $$p $(DESTDIR)$(BINDIR)/; done
	for m in pipeline/*.1; do install -m 0644 $$m $(DESTDIR)$(MANDIR)/; done

clean:
	rm -rf build

.PRECIOUS: $(B)/gen/data_%.c

.PHONY: all programs _programs _testbin check demo golden bench install clean
