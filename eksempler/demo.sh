#!/usr/bin/env bash
# `make demo`: hele forløbet på eksempel-arbejdsmappen, i en frisk kopi.
# Brug: demo.sh STI/TIL/tilsyn ARBEJDSMAPPE
set -euo pipefail
TILSYN=$(realpath "$1")
WORK=$2
SRC=$(cd "$(dirname "$0")" && pwd)

trin() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

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

trin "tilsyn tjek"
"$TILSYN" tjek

trin "tilsyn udtræk --tør (prøvekørsel: viser stikprøven, skriver intet)"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 --tør | tail -n 14

trin "tilsyn udtræk (månedligt overordnet tilsyn og tematiseret tilsyn med kalibrering)"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 | tail -n 1
"$TILSYN" udtræk eksport.csv --tilsyn tematiseret --periode 2026-11 | tail -n 1

trin "tilsyn udtræk igen (stikprøven findes: intet røres)"
"$TILSYN" udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11 | tail -n 1
ls udtræk/*
