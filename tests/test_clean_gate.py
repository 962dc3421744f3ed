"""Clean-text gate: the default pipeline stays quiet on professionally edited news.

Reads ../shared/data (skipped when absent): for each language the held-out set
its casing lexicon was not built from (ntrex.<lang>.txt; news.pt.txt lines
1-1997 for Portuguese, whose lexicon was built from lines 1998-), one article
at a time (ntrex.docids.txt), language detected. Threshold: 1 finding per
10,000 words that is not a verified slip of the clean text itself (listed,
with why, in bench/clean_slips.tsv), and 2 per 10,000 words in all.
`python bench/clean_gate.py` prints the same figures with examples.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from clean_gate import HELD_OUT, measure  # noqa: E402

MAX_PER_10K = 1.0          # findings that are no verified slip of the text
MAX_ALL_PER_10K = 2.0      # every finding, verified slips included


@pytest.mark.parametrize("lang", sorted(HELD_OUT))
def test_clean_news_draws_almost_no_findings(shared_data, lang):
    name, _ = HELD_OUT[lang]
    if not (shared_data / name).is_file():
        pytest.skip(f"{name} absent")
    words, counts, examples, langs, unverified = measure(lang, [HELD_OUT[lang]])
    rate = len(unverified) / words * 10_000
    assert rate <= MAX_PER_10K, f"{lang}: {rate:.2f} findings per 10k words: {unverified[:10]}"
    everything = sum(counts.values()) / words * 10_000
    assert everything <= MAX_ALL_PER_10K, f"{lang}: {everything:.2f} findings per 10k words: {examples[:10]}"
    # every article is routed to its own language's packs
    assert langs.most_common(1)[0][0] == lang and langs[lang] >= 0.95 * sum(langs.values())
