# deploy/install.mk: installation and the Debian package; included by the
# Makefile (BUILD, BIN, PREFIX, DESTDIR, MO_FILES and `all` come from there).
#   make install [PREFIX=/usr] [DESTDIR=/tmp/root]   the FHS layout below
#   make uninstall [PREFIX=/usr] [DESTDIR=...]        removes the program files
#                                                     (never the data or /etc)
#   make deb                                          $(BUILD)/verbeterbord_<version>_<arch>.deb
# NOBUILD=1 installs what $(BUILD) already holds and compiles nothing: the
# tests use it, so that installing from build/asan never recompiles a
# changed source there without the sanitizer flags. `make deb` always
# compiles the package's own binary, in $(BUILD)/deb (see there).
#
# Layout (PREFIX=/usr):
#   /usr/bin/verbeterbord                    the kiosk
#   /usr/share/locale/<lang>/LC_MESSAGES/    translations (VB_LOCALEDIR)
#   /usr/lib/verbeterbord/                   admin scripts + session wrapper
#   /usr/sbin/verbeterbord-{backup,restore,check}   links to those
#   /usr/lib/systemd/system/                 units
#   /usr/lib/sysusers.d, tmpfiles.d, sysctl.d, systemd/logind.conf.d
#   /usr/share/doc/verbeterbord/             README.md, examples/
#   /usr/share/man/man1, man8                manual pages (deploy/man)
#   /etc/verbeterbord/verbeterbord.conf      device settings (conffile)
#   /etc/pam.d/verbeterbord                  the kiosk session's PAM stack (conffile)
# Data: /var/lib/verbeterbord (database), /var/backups/verbeterbord (copies),
# both created by systemd-tmpfiles, never by make.

DEB_ARCH    ?= $(shell dpkg --print-architecture 2>/dev/null || echo unknown)
INSTALL     ?= install
DEB_ROOT    := $(BUILD)/deb-root
DEB_BUILD   := $(BUILD)/deb

VB_BINDIR   := $(PREFIX)/bin
VB_SBINDIR  := $(PREFIX)/sbin
VB_LIBDIR   := $(PREFIX)/lib/verbeterbord
VB_UNITDIR  := $(PREFIX)/lib/systemd/system
VB_LOCALEDIR_INST := $(PREFIX)/share/locale
VB_DOCDIR   := $(PREFIX)/share/doc/verbeterbord
VB_MANDIR   := $(PREFIX)/share/man
VB_CONFDIR  := /etc/verbeterbord

VB_UNITS    := verbeterbord.service verbeterbord-kmsdrm.service \
               verbeterbord-backup.service verbeterbord-backup.timer
VB_SCRIPTS  := verbeterbord-backup verbeterbord-restore verbeterbord-session verbeterbord-setup
VB_ADMIN    := verbeterbord-backup verbeterbord-restore verbeterbord-check
# Manual pages: the kiosk (section 1) and the admin commands (section 8).
VB_MAN      := man1/verbeterbord.1 man8/verbeterbord-backup.8 man8/verbeterbord-restore.8 \
               man8/verbeterbord-check.8
# Files that land in /etc: conffiles of the package, never overwritten by make.
VB_ETC      := $(VB_CONFDIR)/verbeterbord.conf /etc/pam.d/verbeterbord

# Build date for verbeterbord-check's clock check: SOURCE_DATE_EPOCH when
# set (reproducible builds), else the binary's modification time.
VB_BUILD_EPOCH = $(or $(SOURCE_DATE_EPOCH),$(shell stat -c %Y $(BIN) 2>/dev/null),0)
# Paths inside units and scripts follow PREFIX (no-ops for /usr).
VB_SED = sed -e 's|/usr/lib/verbeterbord/|$(PREFIX)/lib/verbeterbord/|g' \
             -e 's|/usr/bin/verbeterbord|$(PREFIX)/bin/verbeterbord|g' \
             -e 's|/usr/share/doc/verbeterbord|$(PREFIX)/share/doc/verbeterbord|g' \
             -e 's|@BUILD_EPOCH@|$(VB_BUILD_EPOCH)|g'

.PHONY: install install-files uninstall deb
# An installation builds without -Werror: a newer compiler's new warning on
# a user's machine must not stop it (development and CI keep -Werror); and
# with NDEBUG: invariants (VB_ASSERT) are checked in development and tests.
install install-files deb: WERROR :=
install install-files deb: NDEBUG := -DNDEBUG

install: install-files
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	  $(PREFIX)/lib/verbeterbord/verbeterbord-setup && \
	  echo "Installed. Start at boot: sudo systemctl enable verbeterbord.service verbeterbord-backup.timer && sudo reboot"; \
	fi

# Only files, into $(DESTDIR)$(PREFIX) and $(DESTDIR)/etc; nothing is run.
install-files: $(if $(NOBUILD),,all)
	@echo "INSTALL $(DESTDIR)$(PREFIX)"
	@set -e; d='$(DESTDIR)'; \
	for f in $(BIN) $(MO_FILES); do [ -f "$$f" ] || { echo "missing $$f: run make BUILD=$(BUILD) all first"; exit 1; }; done; \
	$(INSTALL) -d "$$d$(VB_BINDIR)" "$$d$(VB_SBINDIR)" "$$d$(VB_LIBDIR)" "$$d$(VB_UNITDIR)" \
	  "$$d$(PREFIX)/lib/sysusers.d" "$$d$(PREFIX)/lib/tmpfiles.d" "$$d$(PREFIX)/lib/sysctl.d" \
	  "$$d$(PREFIX)/lib/systemd/logind.conf.d" "$$d$(VB_DOCDIR)/examples" \
	  "$$d$(VB_MANDIR)/man1" "$$d$(VB_MANDIR)/man8" "$$d$(VB_CONFDIR)" "$$d/etc/pam.d"; \
	$(INSTALL) -m 0755 $(BIN) "$$d$(VB_BINDIR)/verbeterbord"; \
	for mo in $(MO_FILES); do \
	  rel=$${mo#$(BUILD)/locale/}; \
	  $(INSTALL) -D -m 0644 "$$mo" "$$d$(VB_LOCALEDIR_INST)/$$rel"; \
	done; \
	for s in $(VB_SCRIPTS); do \
	  $(VB_SED) deploy/$$s > "$$d$(VB_LIBDIR)/$$s"; chmod 0755 "$$d$(VB_LIBDIR)/$$s"; \
	done; \
	$(VB_SED) deploy/check.sh > "$$d$(VB_LIBDIR)/verbeterbord-check"; chmod 0755 "$$d$(VB_LIBDIR)/verbeterbord-check"; \
	$(INSTALL) -m 0644 deploy/verbeterbord-lib.sh "$$d$(VB_LIBDIR)/verbeterbord-lib.sh"; \
	for s in $(VB_ADMIN); do ln -sf ../lib/verbeterbord/$$s "$$d$(VB_SBINDIR)/$$s"; done; \
	for u in $(VB_UNITS); do \
	  $(VB_SED) deploy/$$u > "$$d$(VB_UNITDIR)/$$u"; chmod 0644 "$$d$(VB_UNITDIR)/$$u"; \
	done; \
	$(INSTALL) -m 0644 deploy/sysusers.conf "$$d$(PREFIX)/lib/sysusers.d/verbeterbord.conf"; \
	$(INSTALL) -m 0644 deploy/tmpfiles.conf "$$d$(PREFIX)/lib/tmpfiles.d/verbeterbord.conf"; \
	$(INSTALL) -m 0644 deploy/sysctl.conf "$$d$(PREFIX)/lib/sysctl.d/90-verbeterbord.conf"; \
	$(INSTALL) -m 0644 deploy/logind.conf "$$d$(PREFIX)/lib/systemd/logind.conf.d/verbeterbord.conf"; \
	$(INSTALL) -m 0644 deploy/README.md "$$d$(VB_DOCDIR)/README.md"; \
	$(INSTALL) -m 0644 deploy/99-verbeterbord-usb.rules "$$d$(VB_DOCDIR)/examples/99-verbeterbord-usb.rules"; \
	for m in $(VB_MAN); do \
	  $(VB_SED) "deploy/man/$${m#*/}" | gzip -9n > "$$d$(VB_MANDIR)/$$m.gz"; chmod 0644 "$$d$(VB_MANDIR)/$$m.gz"; \
	done; \
	for pair in deploy/verbeterbord.conf:$(VB_CONFDIR)/verbeterbord.conf deploy/verbeterbord.pam:/etc/pam.d/verbeterbord; do \
	  src=$${pair%%:*}; dst=$$d$${pair#*:}; \
	  if [ -e "$$dst" ] && ! cmp -s "$$src" "$$dst"; then \
	    $(INSTALL) -m 0644 "$$src" "$$dst.dist"; echo "kept your $$dst; the new default is $$dst.dist"; \
	  else $(INSTALL) -m 0644 "$$src" "$$dst"; fi; \
	done

# Removes what install-files put there. The database, the backups and the
# files in /etc stay (they are the technician's and the team's).
uninstall:
	@set -e; d='$(DESTDIR)'; \
	rm -f "$$d$(VB_BINDIR)/verbeterbord"; \
	for mo in $(MO_FILES); do rm -f "$$d$(VB_LOCALEDIR_INST)/$${mo#$(BUILD)/locale/}"; done; \
	for s in $(VB_ADMIN); do rm -f "$$d$(VB_SBINDIR)/$$s"; done; \
	for m in $(VB_MAN); do rm -f "$$d$(VB_MANDIR)/$$m.gz"; done; \
	rm -rf "$$d$(VB_LIBDIR)" "$$d$(VB_DOCDIR)"; \
	for u in $(VB_UNITS); do rm -f "$$d$(VB_UNITDIR)/$$u"; done; \
	rm -f "$$d$(PREFIX)/lib/sysusers.d/verbeterbord.conf" "$$d$(PREFIX)/lib/tmpfiles.d/verbeterbord.conf" \
	  "$$d$(PREFIX)/lib/sysctl.d/90-verbeterbord.conf" "$$d$(PREFIX)/lib/systemd/logind.conf.d/verbeterbord.conf"; \
	echo "Uninstalled from $$d$(PREFIX). Kept: $(VB_ETC), /var/lib/verbeterbord, /var/backups/verbeterbord"

# The package: the same layout (PREFIX=/usr) staged in $(DEB_ROOT), plus
# DEBIAN/ and what Debian wants in every package: the copyright (DEP-5) and
# the changelog in /usr/share/doc/verbeterbord, md5sums, and the lintian
# overrides (each with its reason). `lintian --pedantic` reports no error or
# warning on it (tests/deploy/test_package.sh). Needs dpkg-dev.
#   Version and Maintainer: the newest entry of deploy/debian/changelog, the
#   one place to change them (dch -v VERSION, or by hand).
#   Depends: dpkg-shlibdeps on the binary's linked libraries, plus what the
#   units and scripts run.
#   The binary: compiled in $(DEB_BUILD) with Debian's build flags from
#   dpkg-buildflags (fortify, stack protector, relro, bind-now: the
#   DEB_BUILD_MAINT_OPTIONS below; DEB_CFLAGS_APPEND and the like work as in
#   any Debian build), without -Werror; never with objects of a development
#   build. Other flags than the last time rebuild it from scratch.
# --root-owner-group: every file root-owned, no fakeroot.
DEB_BUILD_MAINT_OPTIONS ?= hardening=+all
DEB_BUILDFLAGS = DEB_BUILD_MAINT_OPTIONS='$(DEB_BUILD_MAINT_OPTIONS)' dpkg-buildflags --get
DEB_CFLAGS  = $(shell $(DEB_BUILDFLAGS) CPPFLAGS) $(shell $(DEB_BUILDFLAGS) CFLAGS)
DEB_LDFLAGS = $(shell $(DEB_BUILDFLAGS) LDFLAGS)
DEB_CHANGELOG := deploy/debian/changelog
# cage needs xwayland (0.1.4 refuses to start without it) and Mesa's EGL and
# DRI drivers (the GPU, or llvmpipe); the PAM stack needs pam_systemd;
# sqlite3 is the backup and restore tool. util-linux (setpriv and flock, for
# the scripts) is Essential, so not listed.
VB_DEB_RUNTIME := fonts-dejavu-core, sqlite3, cage, xwayland, libegl-mesa0, libgl1-mesa-dri, \
                  systemd, libpam-systemd, dbus

deb:
	@[ -n "$(BUILD)" ] || { echo "make deb: BUILD is empty"; exit 1; }
	@for t in dpkg-buildflags dpkg-parsechangelog dpkg-shlibdeps; do command -v $$t >/dev/null || \
	  { echo "make deb needs $$t: make deps, or sudo apt-get install dpkg-dev"; exit 1; }; done
	@stamp='$(DEB_CFLAGS) | $(DEB_LDFLAGS)'; \
	if [ "$$(cat '$(DEB_BUILD)/.buildflags' 2>/dev/null)" != "$$stamp" ]; then \
	  rm -rf '$(DEB_BUILD)' && mkdir -p '$(DEB_BUILD)' && printf '%s\n' "$$stamp" > '$(DEB_BUILD)/.buildflags'; \
	fi
	@$(MAKE) --no-print-directory BUILD='$(DEB_BUILD)' WERROR= CFLAGS='$(DEB_CFLAGS)' LDFLAGS='$(DEB_LDFLAGS)' all
	@rm -rf $(DEB_ROOT)
	@$(MAKE) --no-print-directory install-files NOBUILD=1 BUILD='$(DEB_BUILD)' PREFIX=/usr DESTDIR=$(abspath $(DEB_ROOT))
	@set -e; r='$(DEB_ROOT)'; \
	version=$$(dpkg-parsechangelog -l $(DEB_CHANGELOG) -S Version); \
	maintainer=$$(dpkg-parsechangelog -l $(DEB_CHANGELOG) -S Maintainer); \
	deb='$(BUILD)'/verbeterbord_$${version}_$(DEB_ARCH).deb; \
	rm -f "$$deb"; \
	strip --strip-unneeded --remove-section=.comment --remove-section=.note "$$r/usr/bin/verbeterbord"; \
	$(INSTALL) -m 0644 deploy/debian/copyright "$$r/usr/share/doc/verbeterbord/copyright"; \
	gzip -9n < $(DEB_CHANGELOG) > "$$r/usr/share/doc/verbeterbord/changelog.gz"; \
	chmod 0644 "$$r/usr/share/doc/verbeterbord/changelog.gz"; \
	$(INSTALL) -D -m 0644 deploy/debian/lintian-overrides "$$r/usr/share/lintian/overrides/verbeterbord"; \
	mkdir -p "$$r/DEBIAN"; \
	tmp=$$(mktemp -d); mkdir -p "$$tmp/debian"; \
	printf 'Source: verbeterbord\n\nPackage: verbeterbord\nArchitecture: any\n' > "$$tmp/debian/control"; \
	libs=$$(cd "$$tmp" && dpkg-shlibdeps --warnings=0 -O -e"$(abspath $(DEB_ROOT))/usr/bin/verbeterbord" | sed -n 's/^shlibs:Depends=//p'); \
	rm -rf "$$tmp"; \
	[ -n "$$libs" ] || { echo "make deb: dpkg-shlibdeps found no libraries for usr/bin/verbeterbord"; exit 1; }; \
	size=$$(du -sk --exclude=DEBIAN "$$r" | cut -f1); \
	{ echo "Package: verbeterbord"; \
	  echo "Version: $$version"; \
	  echo "Architecture: $(DEB_ARCH)"; \
	  echo "Maintainer: $$maintainer"; \
	  echo "Installed-Size: $$size"; \
	  echo "Depends: $$libs, $(VB_DEB_RUNTIME)"; \
	  echo "Section: misc"; \
	  echo "Priority: optional"; \
	  echo "Description: shop-floor improvement board kiosk (learning points, ideas, daily start)"; \
	  echo " Verbeterbord is a fullscreen touchscreen kiosk for a production line: the"; \
	  echo " improvement board, the idea box and the daily-start board in one place."; \
	  echo " Runs in the cage Wayland compositor on tty1 as the system user"; \
	  echo " verbeterbord, keeps its data in /var/lib/verbeterbord and backs it up"; \
	  echo " nightly to /var/backups/verbeterbord."; \
	} > "$$r/DEBIAN/control"; \
	( cd "$$r" && find etc -type f | sed 's|^|/|' | LC_ALL=C sort ) > "$$r/DEBIAN/conffiles"; \
	( cd "$$r" && find usr -type f | LC_ALL=C sort | xargs md5sum ) > "$$r/DEBIAN/md5sums"; \
	chmod 0644 "$$r/DEBIAN/control" "$$r/DEBIAN/conffiles" "$$r/DEBIAN/md5sums"; \
	for s in postinst prerm postrm; do $(INSTALL) -m 0755 deploy/debian/$$s "$$r/DEBIAN/$$s"; done; \
	dpkg-deb --root-owner-group -Zxz --build "$$r" "$$deb" >/dev/null; \
	echo "DEB $$deb"
