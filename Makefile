# SPDX-License-Identifier: GPL-3.0-or-later
# hubdesk - plain GNU make. `make` builds ./hubdesk; see README.md.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
MANDIR     ?= $(PREFIX)/share/man
UNITDIR    ?= $(PREFIX)/lib/systemd/system
# The printing module (printing/stack.h) is installed here.
MODULEDIR  ?= $(LIBDIR)/hubdesk
LOCALEDIR  ?= $(PREFIX)/share/locale
DESTDIR    ?=
# The version is the first line of debian/changelog's, and nowhere else.
VERSION    := $(shell sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)
PKG_CONFIG ?= pkg-config
CC         ?= cc

PKGS_CORE  := sqlite3 libsodium
# libpq is loaded when a PostgreSQL database is opened (core/db_pg_lib.c):
# its headers only.
PKGS_PQ    := libpq
PKGS_TUI   := ncursesw
PKGS_PRINT := libqrencode cairo pangocairo

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wold-style-definition -Wformat=2 -Wformat-security -Wpointer-arith -Wwrite-strings \
	-Wundef -Wvla -Wcast-align -Wredundant-decls -Wnested-externs -Wmissing-declarations
STD  := -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED
OPT  ?= -O2 -g
DEPFLAGS = -MMD -MP

PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS_CORE) $(PKGS_PQ) $(PKGS_TUI) 2>/dev/null))
# libunistring (Unicode normalisation) is loaded when text is first
# normalised (core/text.c): its header only.
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS_CORE) $(PKGS_TUI) 2>/dev/null) -lm
CORE_LIBS  := $(shell $(PKG_CONFIG) --libs $(PKGS_CORE) 2>/dev/null)
# Printing: qrencode, cairo and pango (their headers as system headers, so
# the strict warnings judge only our code), and libcups (no cups.pc on Debian 12).
PRINT_CFLAGS := $(patsubst -I%,-isystem%,$(shell $(PKG_CONFIG) --cflags $(PKGS_PRINT) 2>/dev/null)) \
	$(shell cups-config --cflags 2>/dev/null)
PRINT_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS_PRINT) 2>/dev/null) $(shell cups-config --libs 2>/dev/null) -lm
LIB_LIBS   := $(CORE_LIBS) $(PRINT_LIBS)

CPPFLAGS_ALL = -I. -Ibuild $(PKG_CFLAGS) $(PRINT_CFLAGS)
CFLAGS_ALL   = $(STD) $(WARN) $(OPT) $(CFLAGS)

# `make V=1` shows the whole command lines.
V ?= 0
ifeq ($(V),0)
Q := @
say = @printf '  %-6s %s\n' $(1) $(2);
else
Q :=
say =
endif

SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

CORE_SRC  := $(sort $(wildcard core/*.c))
FORMS_SRC := $(sort $(wildcard forms/*.c))
PRINT_SRC := $(sort $(wildcard printing/*.c))
# The printing module (printing/stack.h): the files that call cairo, pango,
# libqrencode and libcups, built into build/hubdesk-print.so, which the
# program loads on first use through printing/stack.c (the program's side,
# linked into it alone). The tests and the bench link these files
# themselves (build/libhubdesk-print.a).
PRINT_MOD_SRC := printing/cups.c printing/escpos.c printing/pdf.c printing/report_pdf.c \
	printing/report_pdf_draw.c printing/stack_table.c
PRINT_HOST_SRC := printing/stack.c
TUI_SRC   := $(sort $(wildcard tui/*.c))
LIB_SRC   := $(CORE_SRC) $(FORMS_SRC) $(filter-out $(PRINT_MOD_SRC) $(PRINT_HOST_SRC),$(PRINT_SRC))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))

# Programs the shell tests use, built with the unit tests: the calendar
# checker needs libical (tools/deps.sh installs it); without libical it is
# not built and its tests say they skip. pg_schema prints the PostgreSQL
# schema's script.
ICAL_LIBS  := $(shell $(PKG_CONFIG) --libs libical 2>/dev/null)
ICAL_CFLAGS := $(patsubst -I%,-isystem%,$(shell $(PKG_CONFIG) --cflags libical 2>/dev/null))
TOOL_BIN   := $(if $(ICAL_LIBS),build/tests/tools/ical_check) build/tests/tools/pg_schema

# The readings of Chinese characters (core/pinyin.c) are made at build time
# from the rime pinyin dictionary (Debian's rime-data-pinyin-simp).
PINYIN_DICT  ?= /usr/share/rime-data/pinyin_simp.dict.yaml
PINYIN_TABLE := build/core/pinyin_table.c

LIB_OBJ     := $(LIB_SRC:%.c=build/%.o) build/core/pinyin_table.o
LIB_SAN_OBJ := $(LIB_SRC:%.c=build/san/%.o) build/san/core/pinyin_table.o
TUI_OBJ     := $(TUI_SRC:%.c=build/%.o) $(PRINT_HOST_SRC:%.c=build/%.o)
TUI_SAN_OBJ := $(TUI_SRC:%.c=build/san/%.o) $(PRINT_HOST_SRC:%.c=build/san/%.o)
PRINT_MOD_OBJ     := $(PRINT_MOD_SRC:%.c=build/%.o)
PRINT_MOD_SAN_OBJ := $(PRINT_MOD_SRC:%.c=build/san/%.o)
UNIT_BIN     := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
UNIT_SAN_BIN := $(UNIT_SRC:tests/unit/%.c=build/san/tests/%)

PO  := $(wildcard po/*.po)
MO  := $(PO:po/%.po=build/locale/%/LC_MESSAGES/hubdesk.mo)

.PHONY: all deps run check check-pg check-deb deb unit valgrind bench fuzz install uninstall clean format \
	format-files pot

# Objects stay after a link, so a second make rebuilds nothing.
.SECONDARY:
MAN   := build/man/hubdesk.1 build/man/zh_CN/hubdesk.1 build/man/hubdesk-kiosk.1
UNITS := $(patsubst deploy/%,build/deploy/%,$(wildcard deploy/*.service deploy/*.timer))
all: hubdesk build/hubdesk-print.so $(MO) $(MAN) $(UNITS) build/deploy/hubdesk-kiosk

# The manual pages: man/*.1.in with the commands of `hubdesk --help` (in
# English, and in Chinese for man/zh_CN) put in, so that the synopsis of a
# command is written once (tui/cli.c).
MANPAGE = sh tools/manpage.sh $< "$(VERSION)" "$(BINDIR)" "$(MODULEDIR)" "$(UNITDIR)" >$@.tmp && \
	mv $@.tmp $@
$(MAN): tools/manpage.sh debian/changelog hubdesk build/config.h
build/man/hubdesk.1: man/hubdesk.1.in
	@mkdir -p $(@D)
	$(call say,GEN,$@)LC_ALL=C.UTF-8 ./hubdesk --lang en --help | $(MANPAGE)
build/man/zh_CN/hubdesk.1: man/zh_CN/hubdesk.1.in $(MO)
	@mkdir -p $(@D)
	$(call say,GEN,$@)LC_ALL=C.UTF-8 ./hubdesk --lang zh --help | $(MANPAGE)
build/man/hubdesk-kiosk.1: man/hubdesk-kiosk.1.in
	@mkdir -p $(@D)
	$(call say,GEN,$@)$(MANPAGE) </dev/null

# The systemd units and the kiosk script of deploy/, starting the programs
# where they are installed.
build/deploy/%: deploy/% build/config.h
	@mkdir -p $(@D)
	$(call say,GEN,$@)sed 's|/usr/local/bin/|$(BINDIR)/|g' $< >$@

# The program links only what it uses (--as-needed): SQLite, libsodium and
# ncurses. libpq (core/db_pg_lib.c), libunistring (core/text.c), the
# printing module and librime (tui/ime.c) are loaded when first used. The whole library goes
# in, and the functions the printing module calls back are exported.
EXE_LINK     = -Wl,--as-needed -Wl,--dynamic-list=build/print.dynlist
EXE_LINK_SAN = -Wl,--as-needed -Wl,--dynamic-list=build/san/print.dynlist
hubdesk: $(TUI_OBJ) build/libhubdesk.a build/print.dynlist
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(LDFLAGS) $(EXE_LINK) -o $@ $(TUI_OBJ) \
		-Wl,--whole-archive build/libhubdesk.a -Wl,--no-whole-archive $(PKG_LIBS)

# The module: position-independent, and only its table is visible.
MOD_CFLAGS := -fPIC -fvisibility=hidden
$(PRINT_MOD_OBJ) $(PRINT_MOD_SAN_OBJ): CFLAGS += $(MOD_CFLAGS)
build/hubdesk-print.so: $(PRINT_MOD_OBJ)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(LDFLAGS) -shared -Wl,--as-needed -o $@ $^ $(PRINT_LIBS)
build/san/hubdesk-print.so: $(PRINT_MOD_SAN_OBJ)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(SAN) $(LDFLAGS) -shared -Wl,--as-needed -o $@ $^ \
		$(PRINT_LIBS)
build/libhubdesk-print.a: $(PRINT_MOD_OBJ)
	@rm -f $@
	$(call say,AR,$@)$(AR) rcs $@ $^
build/san/libhubdesk-print.a: $(PRINT_MOD_SAN_OBJ)
	@rm -f $@
	$(call say,AR,$@)$(AR) rcs $@ $^

# The program's functions the module calls: what its files need that the
# library defines (for each build: the sanitised objects may name others).
build/print.dynlist: $(PRINT_MOD_OBJ) build/libhubdesk.a
build/san/print.dynlist: $(PRINT_MOD_SAN_OBJ) build/san/libhubdesk.a
build/print.dynlist build/san/print.dynlist:
	$(call say,GEN,$@)nm -u --format=posix $(filter %.o,$^) | cut -d' ' -f1 | sort -u >$@.need && \
	nm --defined-only --format=posix $(filter %.a,$^) 2>/dev/null | \
		awk '$$2 ~ /^[TDRB]$$/ { print $$1 }' | sort -u >$@.have && \
	{ echo '{'; comm -12 $@.need $@.have | sed 's/.*/  &;/'; echo '};'; } >$@.tmp && \
	rm -f $@.need $@.have && mv $@.tmp $@

# Where the installed program finds its translations and its module, and
# where the programs and units go (the manual pages and deploy's files name
# them); rewritten only when they change, so `make install PREFIX=...`
# rebuilds what depends on them.
build/config.h: FORCE
	@mkdir -p $(@D)
	@{ echo '#define LOCALEDIR "$(LOCALEDIR)"'; echo '#define MODULEDIR "$(MODULEDIR)"'; \
		echo '#define VERSION "$(VERSION)"'; echo '#define BINDIR "$(BINDIR)"'; \
		echo '#define UNITDIR "$(UNITDIR)"'; } >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
.PHONY: FORCE
FORCE:

build/tui/lang.o build/tui/main.o build/printing/stack.o: build/config.h

$(PINYIN_DICT):
	@echo "$@ is missing: install rime-data-pinyin-simp (make deps)" >&2; exit 1

$(PINYIN_TABLE): tools/pinyin_table.py $(PINYIN_DICT)
	@mkdir -p $(@D)
	$(call say,GEN,$@)python3 tools/pinyin_table.py $(PINYIN_DICT) >$@.tmp && mv $@.tmp $@

build/core/pinyin_table.o: $(PINYIN_TABLE)
	$(call say,CC,$<)$(CC) $(CFLAGS_ALL) -c -o $@ $<

build/san/core/pinyin_table.o: $(PINYIN_TABLE)
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)$(CC) $(CFLAGS_ALL) $(SAN) -c -o $@ $<

build/libhubdesk.a: $(LIB_OBJ)
	@rm -f $@
	$(call say,AR,$@)$(AR) rcs $@ $^

build/san/libhubdesk.a: $(LIB_SAN_OBJ)
	@rm -f $@
	$(call say,AR,$@)$(AR) rcs $@ $^

# The program itself under ASan and UBSan: `make check` runs the command-line
# and full-screen tests against it too.
build/san/hubdesk: $(TUI_SAN_OBJ) build/san/libhubdesk.a build/san/print.dynlist \
		build/san/hubdesk-print.so
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(SAN) $(LDFLAGS) $(EXE_LINK_SAN) -o $@ $(TUI_SAN_OBJ) \
		-Wl,--whole-archive build/san/libhubdesk.a -Wl,--no-whole-archive $(PKG_LIBS)

build/san/tui/lang.o build/san/tui/main.o build/san/printing/stack.o: build/config.h

build/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$<)$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS_ALL) $(DEPFLAGS) -c -o $@ $<

build/san/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS_ALL) $(SAN) $(DEPFLAGS) -c -o $@ $<

# The unit tests and the bench link the printing module's files themselves
# (they call into each other's library, hence the group).
LIB_A     := build/libhubdesk.a build/libhubdesk-print.a
SAN_LIB_A := build/san/libhubdesk.a build/san/libhubdesk-print.a
LINK_LIBS     := -Wl,--start-group $(LIB_A) -Wl,--end-group
SAN_LINK_LIBS := -Wl,--start-group $(SAN_LIB_A) -Wl,--end-group

build/tests/%: build/tests/%.o $(LIB_A)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $< $(LINK_LIBS) -lcmocka $(LIB_LIBS)

build/san/tests/%: build/san/tests/%.o $(SAN_LIB_A)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(SAN) -o $@ $< $(SAN_LINK_LIBS) -lcmocka $(LIB_LIBS)

# The action table is the screens' (tui/actions.c, with curses' key codes).
build/tests/test_actions: build/tests/test_actions.o build/tui/actions.o $(LIB_A)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $< build/tui/actions.o $(LINK_LIBS) \
		-lcmocka $(LIB_LIBS) $(PKG_LIBS)

build/san/tests/test_actions: build/san/tests/test_actions.o build/san/tui/actions.o \
		$(SAN_LIB_A)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(SAN) -o $@ $< build/san/tui/actions.o \
		$(SAN_LINK_LIBS) -lcmocka $(LIB_LIBS) $(PKG_LIBS)

# The input method is the screens' (tui/ime.c, librime loaded by dlopen).
build/tests/test_ime: build/tests/test_ime.o build/tui/ime.o $(LIB_A)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $< build/tui/ime.o $(LINK_LIBS) \
		-lcmocka $(LIB_LIBS) -lpthread

build/san/tests/test_ime: build/san/tests/test_ime.o build/san/tui/ime.o $(SAN_LIB_A)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) $(SAN) -o $@ $< build/san/tui/ime.o \
		$(SAN_LINK_LIBS) -lcmocka $(LIB_LIBS) -lpthread

build/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(call say,CC,$<)$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS_ALL) $(DEPFLAGS) -c -o $@ $<

build/san/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS_ALL) $(SAN) $(DEPFLAGS) -c -o $@ $<

build/tests/tools/ical_check: tests/tools/ical_check.c
	@mkdir -p $(@D)
	$(call say,LINK,$@)$(CC) $(ICAL_CFLAGS) $(CFLAGS_ALL) -o $@ $< $(ICAL_LIBS)

build/tests/tools/pg_schema: build/tests/tools/pg_schema.o build/core/schema_pg.o
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $^

build/locale/%/LC_MESSAGES/hubdesk.mo: po/%.po
	@mkdir -p $(@D)
	$(call say,MSGFMT,$<)msgfmt --check -o $@ $<

build/bench/hubdesk-bench: $(BENCH_SRC:%.c=build/%.o) build/tui/ime.o $(LIB_A)
	@mkdir -p $(@D)
	$(call say,LINK,$@)$(CC) $(CFLAGS_ALL) -o $@ $(BENCH_SRC:%.c=build/%.o) build/tui/ime.o \
		$(LINK_LIBS) $(LIB_LIBS) -lpthread

# cli_floor's program: empty, and linked with nothing but the C library.
build/bench/cli-floor: bench/floor/floor.c
	@mkdir -p $(@D)
	$(call say,LINK,$@)$(CC) -O2 -o $@ $<

# `make fuzz`: the input fuzzer and the import fuzzer (libFuzzer, clang),
# one after the other, each FUZZ_SECONDS long with its own corpus.
FUZZ_CC ?= $(shell command -v clang || command -v clang-14)
FUZZ_SECONDS ?= 120
FUZZ_BIN := build/fuzz/fuzz_input build/fuzz/fuzz_import
build/fuzz/fuzz_input: $(CORE_SRC) $(PINYIN_TABLE) $(FORMS_SRC)
build/fuzz/fuzz_import: $(CORE_SRC) $(PINYIN_TABLE)
$(FUZZ_BIN): build/fuzz/%: tests/fuzz/%.c
	@mkdir -p $(@D)
	@[ -n "$(FUZZ_CC)" ] || { echo "make fuzz needs clang: apt-get install clang libclang-rt-14-dev"; exit 1; }
	$(call say,FUZZ,$@)$(FUZZ_CC) $(STD) -I. $(PKG_CFLAGS) -g -O1 \
		-fsanitize=fuzzer,address,undefined -o $@ $^ $(CORE_LIBS)

fuzz: $(FUZZ_BIN)
	@mkdir -p build/fuzz/corpus build/fuzz/corpus_import
	@cp tests/fuzz/seeds/* build/fuzz/corpus/
	./build/fuzz/fuzz_input -max_total_time=$(FUZZ_SECONDS) -max_len=512 build/fuzz/corpus
	@cp tests/fuzz/seeds_import/* build/fuzz/corpus_import/
	./build/fuzz/fuzz_import -max_total_time=$(FUZZ_SECONDS) -max_len=2048 \
		-dict=tests/fuzz/fuzz_import.dict build/fuzz/corpus_import

deps:
	@sh tools/deps.sh

# The demo database lives in the tree unless HUBDESK_DB says otherwise.
RUN_DB ?= $(if $(HUBDESK_DB),$(HUBDESK_DB),$(CURDIR)/demo/hubdesk.db)
RUN_TZ ?= $(if $(TZ),$(TZ),Asia/Shanghai)
run:
	@sh tools/deps.sh --if-missing --run
	@$(MAKE) --no-print-directory all
	@if ! ./hubdesk --db "$(RUN_DB)" config get centre.name >/dev/null 2>&1; then \
		case "$(RUN_DB)" in postgres*://*) ;; *) mkdir -p "$(dir $(RUN_DB))" ;; esac && \
		echo "run: making the demo database $(RUN_DB)" && \
		TZ=$(RUN_TZ) ./hubdesk --db "$(RUN_DB)" init --demo && \
		TZ=$(RUN_TZ) sh tools/demo-bookings.sh "$(RUN_DB)" && \
		TZ=$(RUN_TZ) sh tools/demo-history.sh "$(RUN_DB)"; fi
	@TZ=$(RUN_TZ) ./hubdesk --db "$(RUN_DB)"

unit: $(UNIT_BIN) $(UNIT_SAN_BIN) $(TOOL_BIN)

# The builds of `make check` run on every core (JOBS=1 builds one file at a
# time).
JOBS ?= $(shell nproc 2>/dev/null || echo 1)

check:
	@sh tools/deps.sh --if-missing
	@$(MAKE) --no-print-directory -j$(JOBS) all unit build/san/hubdesk
	@sh tests/run.sh

# `make deb`: the Debian package, ../hubdesk_VERSION_ARCH.deb, made by
# dpkg-buildpackage in a copy of the tree (build/deb), so that the package's
# own clean build leaves this tree's build/ alone.
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
DEB_TREE := build/deb/hubdesk-$(VERSION)
deb:
	@sh tools/deps.sh --if-missing
	rm -rf build/deb
	mkdir -p $(DEB_TREE)
	tar -cf - --exclude=./build --exclude=./.git --exclude=./hubdesk --exclude=./demo . | \
		tar -xf - -C $(DEB_TREE)
	cd $(DEB_TREE) && dpkg-buildpackage -us -uc -b
	mv build/deb/hubdesk_$(VERSION)_$(DEB_ARCH).deb ..
	@echo "deb: ../hubdesk_$(VERSION)_$(DEB_ARCH).deb"

# The package built, checked by lintian, installed on this machine and
# removed again (tests/deb: .ci/run runs it after check).
check-deb:
	@sh tools/deps.sh --if-missing
	@mkdir -p build/test-logs
	@sh tests/deb/test_deb.sh >build/test-logs/deb.log 2>&1; rc=$$?; cat build/test-logs/deb.log; \
		p=$$(grep -c '^ok ' build/test-logs/deb.log); f=$$(grep -c '^not ok ' build/test-logs/deb.log); \
		[ "$$rc" = 0 ] || [ "$$f" != 0 ] || f=1; \
		echo "check-deb: $$p passed, $$f failed"; [ "$$f" = 0 ]

# Only the PostgreSQL pass of check: the unit and command-line tests on a
# private cluster (tests/pg.sh).
check-pg:
	@sh tools/deps.sh --if-missing
	@$(MAKE) --no-print-directory -j$(JOBS) all $(UNIT_BIN) $(TOOL_BIN)
	@sh tests/run.sh pg

# The unit tests and a command-line session under valgrind (not in check:
# ASan's leak checker covers the unit tests there).
valgrind: all $(UNIT_BIN)
	@sh tests/valgrind.sh $(UNIT_BIN)

bench: all build/bench/hubdesk-bench build/bench/cli-floor
	@sh bench/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 hubdesk $(DESTDIR)$(BINDIR)/hubdesk
	install -m 755 build/deploy/hubdesk-kiosk $(DESTDIR)$(BINDIR)/hubdesk-kiosk
	install -d $(DESTDIR)$(MODULEDIR)
	install -m 644 build/hubdesk-print.so $(DESTDIR)$(MODULEDIR)/hubdesk-print.so
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/zh_CN/man1 $(DESTDIR)$(UNITDIR)
	install -m 644 build/man/hubdesk.1 $(DESTDIR)$(MANDIR)/man1/hubdesk.1
	install -m 644 build/man/zh_CN/hubdesk.1 $(DESTDIR)$(MANDIR)/zh_CN/man1/hubdesk.1
	install -m 644 build/man/hubdesk-kiosk.1 $(DESTDIR)$(MANDIR)/man1/hubdesk-kiosk.1
	install -m 644 $(UNITS) $(DESTDIR)$(UNITDIR)/
	for mo in $(MO); do lang=$${mo#build/locale/}; lang=$${lang%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/hubdesk.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hubdesk $(DESTDIR)$(BINDIR)/hubdesk-kiosk
	rm -f $(DESTDIR)$(MODULEDIR)/hubdesk-print.so
	-rmdir $(DESTDIR)$(MODULEDIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/hubdesk.1 $(DESTDIR)$(MANDIR)/zh_CN/man1/hubdesk.1 \
		$(DESTDIR)$(MANDIR)/man1/hubdesk-kiosk.1
	rm -f $(patsubst build/deploy/%,$(DESTDIR)$(UNITDIR)/%,$(UNITS))
	for po in $(PO); do lang=$${po#po/}; lang=$${lang%.po}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/hubdesk.mo; done

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -c/ --package-name=hubdesk -o po/hubdesk.pot \
		$(sort $(wildcard core/*.[ch] forms/*.[ch] printing/*.[ch] tui/*.[ch]))

# The C files of the tree's layout (.clang-format): make format applies it,
# tests/cli/test_format.sh checks the tree has it. The migrations
# (core/schema.c) are left as they landed: never edited, not even their layout.
FORMAT_FILES = $(filter-out core/schema.c, $(sort $(wildcard core/*.[ch] forms/*.[ch] \
	printing/*.[ch] tui/*.[ch] tests/unit/*.[ch] tests/tools/*.[ch] tests/fuzz/*.[ch] bench/*.[ch])))

format:
	clang-format -i $(FORMAT_FILES)

format-files:
	@echo $(FORMAT_FILES)

clean:
	rm -rf build hubdesk

-include $(shell find build -path build/deb -prune -o -name '*.d' -type f -print 2>/dev/null)
