#!/usr/bin/env bash
# `make demo`: hele forløbet på eksempel-arbejdsmappen, i en frisk kopi.
# Brug: demo.sh STI/TIL/tilsyn ARBEJDSMAPPE
set -euo pipefail
TILSYN=$(realpath "$1")
WORK=$2
SRC=$(cd "$(dirname "$0")" && pwd)

# Fed skrift kun på en terminal (og ikke med NO_COLOR): i en fil eller et rør
# ville koderne stå som affald.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  trin() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
  trin() { printf '\n==> %s\n' "$*"; }
fi

rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$SRC"/koncept.yaml "$SRC"/eksport.csv "$WORK"/
cd "$WORK"

trin "tilsyn --version"
"$TILSYN" --version

trin "tilsyn skabelon (de indbyggede skabeloner)"
"$TILSYN" skabelon

trin "tilsyn skabelon overordnet --format md (de første linjer af tjeklisten)"
"$TILSYN" skabelon overordnet --format md | head -n 14

trin "tilsyn skabelon forskel overordnet@2024.1 overordnet@2025.1 --format md (hvad er rettet)"
"$TILSYN" skabelon forskel overordnet@2024.1 overordnet@2025.1 --format md | head -n 8

trin "tilsyn tjek"
"$TILSYN" tjek

trin "tilsyn udtræk --tør (prøvekørsel: viser stikprøven, skriver intet)"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 --tør | tail -n 14

trin "tilsyn udtræk eksport.xlsx --tør (samme eksport gemt som Excel: samme stikprøve)"
"$(dirname "$TILSYN")/python" "$SRC"/til_xlsx.py eksport.csv eksport.xlsx
"$TILSYN" udtræk eksport.xlsx --ark Sager --tilsyn månedligt-overordnet --periode 2026-11 --tør >xlsx.txt
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 --tør >csv.txt
tail -n 1 xlsx.txt
cmp -s xlsx.txt csv.txt && echo "Samme stikprøve og population som fra CSV-filen."
rm xlsx.txt csv.txt

trin "tilsyn udtræk (månedligt overordnet tilsyn og tematiseret tilsyn med kalibrering)"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 | tail -n 1
"$TILSYN" udtræk eksport.csv --tilsyn tematiseret --periode 2026-11 | tail -n 1

trin "tilsyn udtræk igen (stikprøven findes: intet røres)"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 | tail -n 1
ls udtræk/*

trin "tilsyn udfyld (formularen i terminalen; her trykker et script tasterne i én gennemgang)"
"$(dirname "$TILSYN")/python" "$SRC"/udfyld_demo.py . --dato 2026-11-20

trin "Lederne udfylder gennemgangene (nogle med vilje forkert)"
"$(dirname "$TILSYN")/python" "$SRC"/udfyld_eksempel.py . --senest 2026-11-30

trin "tilsyn valider (finder alle fejl i alle filer på én gang; slutkode 1 er forventet)"
"$TILSYN" valider --dato 2026-11-30 || true

trin "tilsyn valider igen (uændrede filer læses fra cachen)"
"$TILSYN" valider --dato 2026-11-30 | tail -n 1 || true

trin "tilsyn påmind --altid (hvad er forfaldent den 25. november 2026)"
"$TILSYN" påmind --dato 2026-11-25 --altid

trin "tilsyn årshjul 2026"
"$TILSYN" årshjul 2026 --dato 2026-11-25

trin "tilsyn årshjul 2027 --format ics (kalenderfil til Outlook)"
"$TILSYN" årshjul 2027 --format ics -o årshjul-2027.ics
head -n 12 årshjul-2027.ics

trin "tilsyn cron (linje til crontab og systemd-timer)"
"$TILSYN" cron

trin "tilsyn rapport --modtager udvalg --format md (udvalgets version, de første linjer)"
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30 --modtager udvalg --format md -o - 2>/dev/null | head -n 25

trin "tilsyn rapport (HTML til ledelsen)"
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30
echo "Åbn den i en browser: $(pwd)/rapporter/2026-11-leder.html"

trin "tilsyn rapport --modtager udvalg --format xlsx (tabellen til Excel, små tal skjult)"
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30 --modtager udvalg --format xlsx

trin "tilsyn rapport --format pdf (A4 til dagsordenen: lederens og udvalgets)"
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30 --format pdf 2>/dev/null
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30 --modtager udvalg --format pdf 2>/dev/null

trin "Opfølgning: oktober-runden bagud i tid (så et tiltag har et før), med en rettelse i en sag"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-10 | tail -n 1
"$(dirname "$TILSYN")/python" "$SRC"/udfyld_eksempel.py . --senest 2026-10-31 --rettelse | grep -e rettelse -e "ikke påbegyndt" || true
grep -l "^      rettelse:" udtræk/2026-10-*/*.yaml | head -n 1 | xargs grep -B3 -A4 "^      rettelse:"

trin "tilsyn tiltag ny (ledelsen beslutter et tiltag 1. november) og tilsyn tiltag"
"$TILSYN" tiltag ny --skabelon overordnet --spørgsmål underretning-1 --titel "Underretninger vurderes inden for 24 timer" \
  --ansvarlig "Afdelingsleder Mette Holm" --frist 2026-12-15 --niveau 90 --dato 2026-11-01
"$TILSYN" tiltag --dato 2026-11-30

trin "tilsyn rapport --format md: tiltag med før/efter og rettelser i sagerne"
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30 --format md -o - 2>/dev/null \
  | sed -n '/^## Tiltag og effekt/,/^## Ikke medregnet/p' | grep -v "^## Ikke medregnet"

trin "tilsyn rapport --modtager afdeling --format md (til afdelingsmødet: ingen navne eller sager, eksempler kun med samtykke)"
"$TILSYN" rapport --periode 2026-11 --dato 2026-11-30 --modtager afdeling --format md -o - 2>/dev/null \
  | sed -n '/^### Pr. team/,/^## Hvor/p;/^## Tiltag/,/^## Ikke medregnet/p' | grep -v -e "^## Hvor" -e "^## Ikke medregnet"

trin "tilsyn påmind --altid: den overskredne rettelse og tiltagets frist"
"$TILSYN" påmind --dato 2026-12-10 --altid | sed -n '/^Rettelser/,/^$/p;/^Tiltag:/,/^$/p'

trin "tilsyn tilbagemelding (ét brev pr. rådgiver; her det første)"
"$TILSYN" tilbagemelding --periode 2026-10 --dato 2026-11-30
FIRST=$(ls tilbagemeldinger/2026-10/*.md | head -n 1)
head -n 24 "$FIRST"
echo "Brevene som HTML: $(pwd)/tilbagemeldinger/2026-10/"
