#!/bin/sh
# test_catalogs.sh BUILD: every user-visible string in the code (the msgids
# of _(), N_() and i18n_plural()) has a translation in every catalog under
# assets/po/<lang>/, and the catalogs compile cleanly (msgfmt --check).
# English is the msgid itself.
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
cd "$root" || exit 1
if ! command -v xgettext >/dev/null 2>&1; then
  echo "not ok - catalogs: xgettext is missing (gettext package; make deps installs it)"
  exit 1
fi
find kiosk -name '*.c' | sort > "$work/files"
xgettext --from-code=UTF-8 --language=C -k_ -kN_ -ki18n_plural:1,2 -ki18n_ctext:1c,2 \
  --files-from="$work/files" -o "$work/all.pot" 2>"$work/xgettext.err" || {
  echo "not ok - catalogs: xgettext failed: $(head -3 "$work/xgettext.err" | tr '\n' ' ')"; exit 1; }
total=$(grep -c '^msgid ' "$work/all.pot")
for dir in assets/po/*/; do
  lang=$(basename "$dir")
  msgcat --use-first -o "$work/$lang.po" "$dir"*.po 2>"$work/$lang.err" || {
    echo "not ok - catalog $lang: msgcat failed: $(head -2 "$work/$lang.err" | tr '\n' ' ')"; status=1; continue; }
  if msgfmt --check-format -o /dev/null "$work/$lang.po" 2>"$work/$lang.err"; then
    echo "ok - catalog $lang compiles and its format strings match"
  else
    echo "not ok - catalog $lang: msgfmt: $(head -3 "$work/$lang.err" | tr '\n' ' ')"; status=1
  fi
  # messages of the code that the catalog lacks, or has untranslated or fuzzy
  msgmerge --quiet --no-fuzzy-matching -o "$work/$lang.merged.po" "$work/$lang.po" "$work/all.pot" 2>/dev/null
  msgattrib --untranslated --no-obsolete "$work/$lang.merged.po" -o "$work/$lang.missing.po" 2>/dev/null
  msgattrib --only-fuzzy --no-obsolete "$work/$lang.merged.po" -o "$work/$lang.fuzzy.po" 2>/dev/null
  missing=$(grep -c '^msgid ' "$work/$lang.missing.po" 2>/dev/null || echo 0)
  [ -s "$work/$lang.missing.po" ] && missing=$((missing - 1)) || missing=0
  fuzzy=$(grep -c '^msgid ' "$work/$lang.fuzzy.po" 2>/dev/null || echo 0)
  [ -s "$work/$lang.fuzzy.po" ] && fuzzy=$((fuzzy - 1)) || fuzzy=0
  if [ "$missing" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
    echo "ok - catalog $lang translates all $((total - 1)) strings of the code"
  else
    echo "not ok - catalog $lang: $missing strings untranslated, $fuzzy fuzzy, e.g. $(grep '^msgid "' "$work/$lang.missing.po" | sed -n '2,4p' | tr '\n' ' ')"
    status=1
  fi
done
# One register per language: the shop floor says "je", so no Dutch message
# speaks to the worker with the formal "u"/"uw"/"uzelf" (issue 11). Polish
# uses the informal "ty" forms: no "Pan"/"Pani".
formal=$(msgcat --use-first assets/po/nl/*.po 2>/dev/null | msgattrib --no-obsolete 2>/dev/null |
  awk '/^msgstr/{on=1} /^msgid/{on=0} on' | grep -nE '(^|[^[:alnum:]])([Uu]|[Uu]w|[Uu]we|[Uu]zelf)([^[:alnum:]]|$)' | head -3)
if [ -z "$formal" ]; then
  echo "ok - catalog nl speaks to the worker as \"je\", never as \"u\""
else
  echo "not ok - catalog nl uses the formal \"u\": $(echo "$formal" | tr '\n' ' ')"; status=1
fi
formal=$(msgcat --use-first assets/po/pl/*.po 2>/dev/null |
  awk '/^msgstr/{on=1} /^msgid/{on=0} on' | grep -nE '(^|[^[:alnum:]])(Pan|Pani|Pana|Panu|Państwo|Państwa)([^[:alnum:]]|$)' | head -3)
if [ -z "$formal" ]; then
  echo "ok - catalog pl speaks to the worker in the informal form, never as Pan/Pani"
else
  echo "not ok - catalog pl uses the formal Pan/Pani: $(echo "$formal" | tr '\n' ' ')"; status=1
fi
exit $status
