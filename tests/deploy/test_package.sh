#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# test_package.sh BUILD_DIR: the Debian package (`make deb`) and the manual
# pages.
#   - Every option `--help` lists has an entry in the manual page, and the
#     other way round: verbeterbord(1) against BUILD_DIR/verbeterbord, the
#     admin commands' pages against the scripts in deploy/.
#   - What `make -n` shows: the package's build compiles with dpkg-buildflags'
#     hardening flags, and neither it nor `make install` with -Werror.
#   - The package itself, built for real (its own build in BUILD_DIR/deb):
#     lintian --pedantic reports no error and no warning; hardening-check
#     passes on its binary; control, Depends, conffiles, md5sums, contents,
#     copyright, changelog; the maintainer address is set in one place; the
#     maintainer scripts, run with stand-ins for the tools they call, handle
#     the units as debhelper would (no systemctl besides daemon-reload), keep
#     the data on remove and delete it only on purge.
# The package's binary is its own build, not the one in BUILD_DIR: that part
# runs for the normal build only and skips under ASan (VB_ASAN=1).
# shellcheck disable=SC2016
set -u
. "$(dirname "$0")/testlib.sh"
t_init "$@"
cd "$ROOT" || bail "no repository at $ROOT"

# --- manual pages against --help ----------------------------------------------
# help_options: the options a --help text on stdin lists (an option at the
# start of a line indented by 2 to 4 spaces; deeper lines continue a text).
help_options() { sed -n 's/^ \{2,4\}\(--[a-z][a-z0-9-]*\).*/\1/p' | sort -u; }
# man_options PAGE: the options PAGE describes (the tag line after each .TP).
man_options() {
    awk 'tp && /^\.B[IR]? +\\-\\-/ { w = $2; gsub(/[\\"]/, "", w); print w } { tp = /^\.TP/ }' "$1" | sort -u
}
# compare_options NAME HELP_FILE PAGE: "" when both list the same options,
# else what each lacks.
compare_options() {
    help_options <"$2" >"$TMP/help.opts"
    man_options "$3" >"$TMP/man.opts"
    not_in_man=$(comm -23 "$TMP/help.opts" "$TMP/man.opts" | tr '\n' ' ')
    not_in_help=$(comm -13 "$TMP/help.opts" "$TMP/man.opts" | tr '\n' ' ')
    [ -s "$TMP/help.opts" ] || not_in_man="(--help lists no option at all) $not_in_man"
    if [ -n "$not_in_man$not_in_help" ]; then
        echo "not in $(basename "$3"): ${not_in_man:-none}; not in $1 --help: ${not_in_help:-none}"
    fi
}
for prog in verbeterbord verbeterbord-backup verbeterbord-restore verbeterbord-check; do
    case $prog in
    verbeterbord) page=deploy/man/verbeterbord.1 cmd="$BUILD/verbeterbord" ;;
    verbeterbord-check) page=deploy/man/verbeterbord-check.8 cmd="sh deploy/check.sh" ;;
    *) page=deploy/man/$prog.8 cmd="sh deploy/$prog" ;;
    esac
    if [ ! -f "$page" ]; then
        not_ok "$prog: its manual page lists the options of --help, and only those" "no manual page $page"
        continue
    fi
    $cmd --help >"$TMP/$prog.help" 2>&1
    diff=$(compare_options "$prog" "$TMP/$prog.help" "$page")
    check "$prog: its manual page lists the options of --help, and only those ($(help_options <"$TMP/$prog.help" | wc -l))" \
        "$diff" [ -z "$diff" ]
done
# The comparison sees a missing entry and an extra one.
if [ -f deploy/man/verbeterbord-backup.8 ]; then
    sed '/^\.BI \\-\\-keep /d' deploy/man/verbeterbord-backup.8 >"$TMP/nokeep.8"
    printf '  --undocumented   an option only --help has\n' >>"$TMP/verbeterbord-backup.help"
    diff=$(compare_options verbeterbord-backup "$TMP/verbeterbord-backup.help" "$TMP/nokeep.8")
    check "the comparison reports an option missing from a manual page (the checks above are real)" "said: '$diff'" \
        eval 'printf "%s" "$diff" | grep -q -- "--keep --undocumented"'
fi

# --- the flags of make deb and make install (make -n compiles nothing) -------
need dpkg-buildflags dpkg-dev || bail "dpkg-buildflags is missing (dpkg-dev) and could not be installed"
mk -n deb BUILD="$TMP/flags" >"$TMP/deb-n.log" 2>&1
grep -E ' -c kiosk/.*\.c ' "$TMP/deb-n.log" >"$TMP/deb-cc.txt"
grep -E ' -o [^ ]*/deb/verbeterbord ' "$TMP/deb-n.log" >"$TMP/deb-ld.txt"
n=$(wc -l <"$TMP/deb-cc.txt")
bad=$(grep -v -e '-D_FORTIFY_SOURCE=2' "$TMP/deb-cc.txt" | head -n 1)
[ -n "$bad" ] || bad=$(grep -v -e '-fstack-protector-strong' "$TMP/deb-cc.txt" | head -n 1)
[ "$n" -gt 10 ] || bad="only $n compile commands in make -n deb: $(tail -n 2 "$TMP/deb-n.log" | tr '\n' ' ')"
check "make deb compiles every file with dpkg-buildflags' fortify and stack protector ($n files)" "$bad" [ -z "$bad" ]
check "make deb links with relro and bind-now (dpkg-buildflags, hardening=+all)" "link: $(cat "$TMP/deb-ld.txt")" \
    eval 'grep -q -e "-z,relro" "$TMP/deb-ld.txt" && grep -q -e "-z,now" "$TMP/deb-ld.txt"'
mk -n install BUILD="$TMP/flags-install" DESTDIR="$TMP/flags-root" >"$TMP/install-n.log" 2>&1
werror=$(grep -h -E -e '(^| )-Werror( |$)' "$TMP/deb-n.log" "$TMP/install-n.log" | head -n 1)
ni=$(grep -c -E ' -c kiosk/.*\.c ' "$TMP/install-n.log")
[ "$ni" -gt 10 ] || werror="only $ni compile commands in make -n install"
check "make deb and make install compile without -Werror (a newer compiler's warning cannot stop them)" "$werror" [ -z "$werror" ]

# --- the package --------------------------------------------------------------
if [ "${VB_ASAN:-0}" = 1 ]; then
    ok "make deb, lintian and hardening-check # skip the package's binary is its own build: checked in the normal build's run"
    t_done
fi
need dpkg-deb dpkg || bail "dpkg-deb is missing"
need dpkg-parsechangelog dpkg-dev || bail "dpkg-parsechangelog is missing (dpkg-dev)"
need lintian lintian || bail "lintian is missing and could not be installed"
need hardening-check devscripts || bail "hardening-check is missing (devscripts) and could not be installed"
need readelf binutils || bail "readelf is missing (binutils)"

arch=$(dpkg --print-architecture)
version=$(dpkg-parsechangelog -l deploy/debian/changelog -S Version 2>/dev/null)
maintainer=$(dpkg-parsechangelog -l deploy/debian/changelog -S Maintainer 2>/dev/null)
deb=$BUILD/verbeterbord_${version}_$arch.deb
rm -f "$deb"
mk deb BUILD="$BUILD" >"$TMP/deb.log" 2>&1
check "make deb builds $(basename "$deb") (version from deploy/debian/changelog)" \
    "$(tail -n 3 "$TMP/deb.log" | tr '\n' ' ')" eval '[ -n "$version" ] && [ -f "$deb" ]'
[ -f "$deb" ] || t_done

# lintian: every tag it reports is printed; errors and warnings fail.
lintian --pedantic -I --tag-display-limit 0 "$deb" >"$TMP/lintian.txt" 2>"$TMP/lintian.err"
rc=$?
sed 's/^/# lintian: /' "$TMP/lintian.txt"
tags=$(grep -E '^[EW]: ' "$TMP/lintian.txt" | cut -d' ' -f3 | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')
check "lintian --pedantic: no error and no warning" "rc $rc: $tags $(grep -v 'root privileges' "$TMP/lintian.err" | head -n 2 | tr '\n' ' ')" \
    eval '[ -z "$tags" ] && [ $rc -eq 0 ]'

X=$TMP/extracted
dpkg-deb -x "$deb" "$X"
# Control-flow protection (CET) is left out: bookworm's C start files
# (crt1.o) carry no IBT/SHSTK property, so no bookworm binary can have it.
hardening-check --nocfprotection "$X/usr/bin/verbeterbord" >"$TMP/hardening.txt" 2>&1
rc=$?
check "hardening-check: PIE, stack protector, fortify, relro, bind-now on the packaged binary" \
    "$(grep -E 'no|unknown' "$TMP/hardening.txt" | grep -v '(ignored)' | tr -s ' ' | tr '\n' ';')" [ $rc -eq 0 ]
check "the packaged binary runs (--help)" "failed" eval '"$X/usr/bin/verbeterbord" --help >/dev/null 2>&1'

dpkg-deb --info "$deb" >"$TMP/info.txt" 2>&1
dpkg-deb --field "$deb" Depends >"$TMP/depends.txt" 2>&1
dpkg-deb --contents "$deb" >"$TMP/contents.txt" 2>&1
check "dpkg-deb --info: package verbeterbord $version for $arch" "$(grep -E 'Package|Version|Architecture' "$TMP/info.txt" | tr '\n' ' ')" \
    eval 'grep -q "^ Package: verbeterbord$" "$TMP/info.txt" && grep -q "^ Version: $version$" "$TMP/info.txt" && grep -q "^ Architecture: $arch$" "$TMP/info.txt"'

# The maintainer: from the changelog's newest entry, written nowhere else.
addr=$(printf '%s' "$maintainer" | sed -n 's/.*<\(.*\)>.*/\1/p')
elsewhere=$(grep -r -l -F -e "$addr" Makefile deploy tests kiosk docs README.md 2>/dev/null | grep -v -x deploy/debian/changelog | tr '\n' ' ')
check "Maintainer: $maintainer, set only in deploy/debian/changelog" \
    "control says '$(dpkg-deb --field "$deb" Maintainer)'; the address is also in: $elsewhere" \
    eval '[ -n "$addr" ] && [ "$(dpkg-deb --field "$deb" Maintainer)" = "$maintainer" ] && [ -z "$elsewhere" ]'

# Depends: the runtime tools, and a package for every library the binary links.
want="fonts-dejavu-core sqlite3 cage xwayland systemd libpam-systemd"
for lib in $(readelf -d "$BUILD/deb/verbeterbord" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    case $lib in
    libSDL2-2.0.so.*) want="$want libsdl2-2.0-0" ;;
    libSDL2_ttf-2.0.so.*) want="$want libsdl2-ttf-2.0-0" ;;
    libSDL2_image-2.0.so.*) want="$want libsdl2-image-2.0-0" ;;
    libsqlite3.so.*) want="$want libsqlite3-0" ;;
    libsodium.so.23) want="$want libsodium23" ;;
    libcjson.so.1) want="$want libcjson1" ;;
    esac
done
missing=
for p in $want; do
    tr ',' '\n' <"$TMP/depends.txt" | sed 's/^ *//; s/ .*//' | grep -q -x -- "$p" || missing="$missing $p"
done
check "Depends lists$(echo " $want" | tr ' ' '\n' | sort -u | tr '\n' ' ')" "missing:$missing (Depends: $(cat "$TMP/depends.txt"))" [ -z "$missing" ]

conffiles=$(dpkg-deb --info "$deb" conffiles 2>/dev/null | sort)
etc_files=$(awk '$1 !~ /^[dl]/ { print $6 }' "$TMP/contents.txt" | sed -n 's|^\./etc/|/etc/|p' | sort)
check "conffiles: every file under /etc ($(echo "$etc_files" | tr '\n' ' '))" "conffiles: $conffiles" \
    eval '[ -n "$etc_files" ] && [ "$conffiles" = "$etc_files" ]'

# md5sums: every file outside /etc (the conffiles have their own sums), right.
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$TMP" ./postinst ./prerm ./postrm ./md5sums 2>/dev/null
listed=$(awk '{ print $2 }' "$TMP/md5sums" 2>/dev/null | sort)
files=$(cd "$X" && find usr -type f | sort)
sums=$( (cd "$X" && md5sum -c --quiet "$TMP/md5sums") 2>&1 | head -n 2 | tr '\n' ' ')
check "md5sums: every file under /usr, each sum right ($(echo "$files" | wc -l) files)" \
    "$(if [ -f "$TMP/md5sums" ]; then echo "differ: $sums; not listed: $(echo "$files" | grep -v -x -F "$listed" | head -n 3 | tr '\n' ' ')"; else echo "no md5sums"; fi)" \
    eval '[ -f "$TMP/md5sums" ] && [ "$listed" = "$files" ] && [ -z "$sums" ]'

missing=
for f in ./usr/bin/verbeterbord ./usr/lib/systemd/system/verbeterbord.service \
    ./usr/lib/systemd/system/verbeterbord-kmsdrm.service ./usr/lib/systemd/system/verbeterbord-backup.service \
    ./usr/lib/systemd/system/verbeterbord-backup.timer ./usr/lib/sysusers.d/verbeterbord.conf \
    ./usr/lib/tmpfiles.d/verbeterbord.conf ./usr/lib/verbeterbord/verbeterbord-backup \
    ./usr/share/man/man1/verbeterbord.1.gz ./usr/share/man/man8/verbeterbord-backup.8.gz \
    ./usr/share/man/man8/verbeterbord-restore.8.gz ./usr/share/man/man8/verbeterbord-check.8.gz \
    ./usr/share/doc/verbeterbord/copyright ./usr/share/doc/verbeterbord/changelog.gz; do
    grep -q " $f\$" "$TMP/contents.txt" || missing="$missing $f"
done
check "dpkg-deb --contents: binary, units, sysusers, tmpfiles, scripts, manual pages, copyright, changelog" "missing:$missing" [ -z "$missing" ]
check "dpkg-deb --contents: every file owned by root/root (--root-owner-group)" \
    "$(grep -v ' root/root ' "$TMP/contents.txt" | head -n 2 | tr '\n' ' ')" eval '! grep -v " root/root " "$TMP/contents.txt" | grep -q .'
check "copyright is machine-readable (DEP-5) with a License paragraph" "$(head -n 1 "$X/usr/share/doc/verbeterbord/copyright" 2>&1)" \
    eval 'head -n 1 "$X/usr/share/doc/verbeterbord/copyright" | grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" &&
        grep -q "^License: " "$X/usr/share/doc/verbeterbord/copyright"'
check "maintainer scripts postinst, prerm, postrm in the package" "$(grep -E 'postinst|prerm|postrm' "$TMP/info.txt" | tr '\n' ' ')" \
    eval 'grep -q " postinst " "$TMP/info.txt" && grep -q " prerm " "$TMP/info.txt" && grep -q " postrm " "$TMP/info.txt"'

# postinst: sysusers, tmpfiles, the backup before migration and the units.
grep -q 'verbeterbord-setup' "$TMP/postinst" &&
    grep -q 'systemd-sysusers verbeterbord.conf' "$X/usr/lib/verbeterbord/verbeterbord-setup" &&
    grep -q 'systemd-tmpfiles --create verbeterbord.conf' "$X/usr/lib/verbeterbord/verbeterbord-setup" &&
    grep -q 'verbeterbord-backup' "$X/usr/lib/verbeterbord/verbeterbord-setup" &&
    grep -q 'daemon-reload' "$X/usr/lib/verbeterbord/verbeterbord-setup"
rc=$?
check "postinst runs verbeterbord-setup: sysusers, tmpfiles, daemon-reload, backup before migration" "a step is missing" [ $rc -eq 0 ]

# The maintainer scripts with stand-ins for the tools they call, which only
# log what they were asked; verbeterbord-setup and /run/systemd/system (is
# systemd running?) are swapped for ones of this test.
S=$TMP/stubs
mkdir -p "$S" "$TMP/run-systemd"
for tool in rm systemctl deb-systemd-helper deb-systemd-invoke verbeterbord-setup; do
    printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$tool" "$TMP/calls.log" >"$S/$tool"
    chmod +x "$S/$tool"
done
# deb-systemd-helper as on a first install: no unit known to it yet
# (debian-installed: no), so was-enabled says yes (its default).
echo '[ "$1" != debian-installed ]' >>"$S/deb-systemd-helper"
for s in postinst prerm postrm; do
    sed -e "s|/usr/lib/verbeterbord/verbeterbord-setup|$S/verbeterbord-setup|" \
        -e "s|/run/systemd/system|$TMP/run-systemd|" "$TMP/$s" >"$TMP/$s.test"
done
# run_script SCRIPT ARGS...: SCRIPT's calls, one a line, in $TMP/calls.log.
run_script() {
    : >"$TMP/calls.log"
    s=$1
    shift
    PATH="$S:$PATH" DPKG_ROOT='' sh "$TMP/$s.test" "$@" >"$TMP/script.out" 2>&1
}
calls() { tr '\n' ';' <"$TMP/calls.log"; }
# systemctl only for daemon-reload (lintian's maintainer-script-calls-systemctl)
# shellcheck disable=SC2317 # called inside check's eval
only_reload() { ! grep '^systemctl ' "$TMP/calls.log" | grep -q -v 'daemon-reload'; }

run_script postinst configure
check "postinst, first install: enables the kiosk and the timer, starts only the timer" "calls: $(calls)" \
    eval 'grep -q "^verbeterbord-setup" "$TMP/calls.log" &&
        grep -q "^deb-systemd-helper enable verbeterbord.service" "$TMP/calls.log" &&
        grep -q "^deb-systemd-helper enable verbeterbord-backup.timer" "$TMP/calls.log" &&
        ! grep -q "^deb-systemd-helper enable verbeterbord-kmsdrm.service" "$TMP/calls.log" &&
        grep -q -x "deb-systemd-invoke start verbeterbord-backup.timer" "$TMP/calls.log" &&
        ! grep "^deb-systemd-invoke" "$TMP/calls.log" | grep -q "verbeterbord.service" && only_reload'
run_script postinst configure 0.1.0
check "postinst, upgrade: restarts a running kiosk (try-restart) and the timer, through deb-systemd-invoke" "calls: $(calls)" \
    eval 'grep -q -x "deb-systemd-invoke try-restart verbeterbord.service verbeterbord-kmsdrm.service" "$TMP/calls.log" &&
        grep -q -x "deb-systemd-invoke restart verbeterbord-backup.timer" "$TMP/calls.log" && only_reload'
run_script prerm remove
check "prerm remove: stops the kiosk, the timer and a running backup through deb-systemd-invoke" "calls: $(calls)" \
    eval 'grep -q -x "deb-systemd-invoke stop verbeterbord.service verbeterbord-kmsdrm.service verbeterbord-backup.timer verbeterbord-backup.service" "$TMP/calls.log" && only_reload'
run_script prerm upgrade 0.1.0
check "prerm upgrade: the kiosk keeps running" "calls: $(calls)" [ ! -s "$TMP/calls.log" ]

: >"$TMP/all.log"
for step in "prerm upgrade 0.1.0" "postrm upgrade 0.1.0" "prerm remove" "postrm remove"; do
    # shellcheck disable=SC2086
    run_script $step
    cat "$TMP/calls.log" >>"$TMP/all.log"
done
check "prerm/postrm upgrade and remove leave /var/lib/verbeterbord alone" "$(tr '\n' ';' <"$TMP/all.log")" \
    eval '! grep -q "/var/lib/verbeterbord" "$TMP/all.log"'
run_script postrm purge
check "postrm purge (only purge) deletes /var/lib/verbeterbord, keeps the backups, and says so" \
    "$(calls) / $(cat "$TMP/script.out")" \
    eval 'grep -q "^rm -rf /var/lib/verbeterbord$" "$TMP/calls.log" && ! grep -q "/var/backups" "$TMP/calls.log" &&
        grep -q "^deb-systemd-helper purge verbeterbord.service" "$TMP/calls.log" && grep -q "backups.*kept" "$TMP/script.out"'

t_done
