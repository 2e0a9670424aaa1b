#!/usr/bin/env bash
# End to end, the facilitator's report: `alignkiosk report` over demo data with one team too small to show, read back
# with poppler: every shown item's label and every module's panel title is real text in it, the hidden team's name is
# nowhere, the cover's contents point at the pages where each section begins, pdfinfo counts as many pages as the
# command wrote and pdftoppm renders every one; A4 by default and Letter for en_US; with German as the survey's default
# language, the report in German (words, days, decimal commas) on the paper of the locale.
# Usage: report_test.sh PROGRAM BUILD_DIR
set -uo pipefail
program=$1
E2E_TMP=$(mktemp -d)
trap 'rm -rf "$E2E_TMP"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
for tool in pdftotext pdfinfo pdftoppm python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (third_party/install_debian_packages.sh installs poppler-utils)"
done
survey="$(dirname "$0")/../../surveys/mission-alignment-workshop.json"
db="$E2E_TMP/responses.sqlite3"
# Marketing answers three times: below the threshold of 5, so it is hidden everywhere (and its name is in no label).
"$program" demo-data --survey "$survey" --db "$db" --responses 60 --seed 3 \
  --teams "Sales,Customer service,Product,Leadership" >/dev/null || fail "demo-data failed"
"$program" demo-data --survey "$survey" --db "$db" --responses 3 --seed 4 --teams Marketing >/dev/null ||
  fail "demo-data (Marketing) failed"

out=$(LANG=de_DE.UTF-8 LC_ALL= LC_PAPER= "$program" report --survey "$survey" --db "$db" --out "$E2E_TMP/r/report.pdf") ||
  fail "report failed: $out"
pdf="$E2E_TMP/r/report.pdf"
pages=$(sed -n 's/^wrote .* (\([0-9]*\) pages)$/\1/p' <<<"$out")
[ -n "$pages" ] || fail "unexpected output: $out"
info=$(pdfinfo "$pdf") || fail "pdfinfo cannot read the report"
[ "$(awk '/^Pages:/ { print $2 }' <<<"$info")" = "$pages" ] || fail "pdfinfo counts other pages than $pages: $info"
grep -q "^Page size: *595.276 x 841.89 pts (A4)" <<<"$info" || fail "not A4 under de_DE: $info"
fonts=$(pdffonts "$pdf" | tail -n +3)
[ -n "$fonts" ] && ! awk '$(NF - 4) != "yes"' <<<"$fonts" | grep -q . || fail "a font is not embedded: $fonts"

# The text as one line: a label wrapped at a space reads back with a space.
text=$(pdftotext "$pdf" - | tr '\n' ' ' | tr -s ' ')
labels=$(python3 - "$survey" <<'PY'
import json, sys
survey = json.load(open(sys.argv[1]))
default = (survey.get("languages") or [survey.get("language", "en")])[0]
def text(value):  # a text per language, or one text
    return value.get(default) if isinstance(value, dict) else value
for step in survey["steps"]:
    for question in step["questions"]:
        if question["kind"] == "scale":
            label = (question.get("attributes") or {}).get("label") or question.get("label") or question["prompt"]
            print(text(label))
PY
)
[ -n "$labels" ] || fail "no rated items found in $survey"
while IFS= read -r label; do
  grep -qF -- "$label" <<<"$text" || fail "the item label '$label' is not in the report's text"
done <<<"$labels"
for title in "Diagnostic signs" "Stakeholder mapping" "Focus assessment" "Alignment overview" \
  "Where we disagree most" "Open answers"; do
  grep -qF "$title" <<<"$text" || fail "'$title' is not in the report's text"
done
grep -q "Marketing" <<<"$text" && fail "the hidden team's name is in the report"
grep -q "team hidden\|teams hidden" <<<"$text" || fail "the cover does not say a team is hidden"
grep -q "60 participants\|63 participants" <<<"$text" || fail "the cover does not give the participants"

# The contents on the cover: each section begins on the page it names, in order, within the document.
contents=$(pdftotext -layout -f 1 -l 1 "$pdf" - | sed -n '/^Contents/,/^Written on/p' | grep -E ' [0-9]+$')
[ "$(wc -l <<<"$contents")" -ge 7 ] || fail "the cover lists too few sections: $contents"
previous=1
while IFS= read -r line; do
  title=$(sed -E 's/ +[0-9]+$//' <<<"$line")
  page=$(grep -oE '[0-9]+$' <<<"$line")
  [ "$page" -gt "$previous" ] || fail "'$title' begins on page $page, not after page $previous"
  [ "$page" -le "$pages" ] || fail "'$title' begins on page $page of $pages"
  pdftotext -f "$page" -l "$page" "$pdf" - | head -n 3 | grep -qF "$title" || fail "page $page does not begin with '$title'"
  previous=$page
done <<<"$contents"
pdftotext -f "$pages" -l "$pages" "$pdf" - | grep -q "Page $pages of $pages" || fail "the last page is not numbered"

# Every page renders.
mkdir -p "$E2E_TMP/png"
pdftoppm -r 40 -png "$pdf" "$E2E_TMP/png/page" || fail "pdftoppm failed"
[ "$(ls "$E2E_TMP/png" | wc -l)" = "$pages" ] || fail "pdftoppm rendered $(ls "$E2E_TMP/png" | wc -l) of $pages pages"
for png in "$E2E_TMP"/png/*.png; do [ -s "$png" ] || fail "$png is empty"; done

# Letter for US English.
LANG=en_US.UTF-8 LC_ALL= LC_PAPER= "$program" report --survey "$survey" --db "$db" --out "$E2E_TMP/letter.pdf" \
  >/dev/null || fail "report (en_US) failed"
pdfinfo "$E2E_TMP/letter.pdf" | grep -q "^Page size: *612 x 792 pts (letter)" ||
  fail "not Letter under en_US: $(pdfinfo "$E2E_TMP/letter.pdf" | grep 'Page size')"

# The same survey with German as its default language: the report in German, its days and numbers as German writes
# them, the paper still by the locale (Letter under en_US), and every page renders.
python3 - "$survey" "$E2E_TMP/survey-de.json" <<'PY' || fail "cannot write the German survey"
import json, sys
survey = json.load(open(sys.argv[1]))
survey["languages"] = ["de"] + [language for language in survey["languages"] if language != "de"]
json.dump(survey, open(sys.argv[2], "w"), ensure_ascii=False)
PY
LANG=en_US.UTF-8 LC_ALL= LC_PAPER= "$program" report --survey "$E2E_TMP/survey-de.json" --db "$db" \
  --out "$E2E_TMP/de.pdf" >/dev/null || fail "report (German) failed"
german=$(pdftotext "$E2E_TMP/de.pdf" - | tr '\n' ' ' | tr -s ' ')
for words in "Bericht zur Ausrichtung" "Überblick über die Ausrichtung" "Wo wir am wenigsten übereinstimmen" \
  "Diagnostische Anzeichen" "Offene Antworten" "Seite 1 von" "Personen haben teilgenommen" "Vertrieb"; do
  grep -qF "$words" <<<"$german" || fail "'$words' is not in the German report's text"
done
grep -qE "Antworten vom [0-9]{1,2}\. [A-ZÄÖÜ][a-zä]+ [0-9]{4}" <<<"$german" || fail "the cover's days are not German"
grep -qE "[0-9],[0-9]" <<<"$german" || fail "no German decimal comma in the report"
grep -q "Alignment overview\|Page 1 of\|participants" <<<"$german" && fail "English words in the German report"
pdfinfo "$E2E_TMP/de.pdf" | grep -q "(letter)" || fail "the paper followed the language, not the locale"
mkdir -p "$E2E_TMP/png-de"
pdftoppm -r 40 -png "$E2E_TMP/de.pdf" "$E2E_TMP/png-de/page" || fail "pdftoppm failed on the German report"
[ "$(ls "$E2E_TMP/png-de" | wc -l)" = "$(pdfinfo "$E2E_TMP/de.pdf" | awk '/^Pages:/ { print $2 }')" ] ||
  fail "pdftoppm did not render every page of the German report"

# A folder that cannot be written: a message and a failure, not a crash.
"$program" report --survey "$survey" --db "$db" --out /proc/report.pdf >/dev/null 2>"$E2E_TMP/err" &&
  fail "writing into /proc succeeded"
grep -q "cannot write /proc/report.pdf" "$E2E_TMP/err" || fail "no message for an unwritable file: $(cat "$E2E_TMP/err")"
echo "report: $pages pages"
