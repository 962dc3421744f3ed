"""Clean-text gate: the default pipeline stays quiet on professionally edited news.

Runs over ../shared/data (skipped when absent). The casing lexicon was built
from news.en.txt, so the gate reads ntrex.en.txt, which shares no line with it
(see shared/data/SOURCES.md). Threshold: 1 finding per 10,000 words.
"""

import pytest

from normalize import Pipeline

MAX_PER_10K = 1.0
GATED = {"en": ["ntrex.en.txt"]}


@pytest.mark.parametrize("lang", sorted(GATED))
def test_clean_news_draws_almost_no_findings(shared_data, lang):
    pipe = Pipeline()           # the full default pipeline, language detected
    words = findings = 0
    worst = []
    for name in GATED[lang]:
        path = shared_data / name
        if not path.is_file():
            pytest.skip(f"{name} absent")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                res = pipe.check(line)
                words += len(line.split())
                findings += len(res.findings)
                worst += [(f.rule, line[max(0, f.start - 30):f.end + 30]) for f in res.findings]
    rate = findings / words * 10_000
    assert rate <= MAX_PER_10K, f"{lang}: {rate:.2f} findings per 10k words; e.g. {worst[:10]}"
