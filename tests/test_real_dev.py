"""The ratchet on real scraped machine-translated pages (../shared/data/real-dev).

Runs what `mtnorm eval --unsafe-fixes ../shared/data/real-dev` runs (the gold
file's document language, no source language) and fails when a category's
flag rate or exact-fix rate drops below its floor, or a clean page gets a
finding. The floors are the figures the work on each category reached: raise
them when a change raises a rate, never lower them. `python bench/real_dev.py`
prints the table with every miss.
"""

import pytest

from normalize.evaluate import evaluate, iter_gold

# category: (flag rate, exact-fix rate), as reached on main
FLOORS = {
    "casing": (0.8, 0.724),
    "run_together": (0.888, 0.625),
    "capitalised_anchor": (1.0, 1.0),
    "quote": (0.909, 0.857),
    "spacing": (1.0, 0.902),
    "punctuation": (0.666, 0.533),
    "untranslated": (0.703, 0.375),
    "inconsistent_entity": (0.833, 0.812),
    "mistranslation": (0.306, 0.22),
    "encoding": (1.0, 1.0),
}


@pytest.fixture(scope="module")
def report(shared_data):
    folder = shared_data / "real-dev"
    if not folder.is_dir():
        pytest.skip("../shared/data/real-dev is absent")
    return evaluate(iter_gold([str(folder)]), {"unsafe_fixes": True}, details=True)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_keeps_its_floor(report, category):
    row = report["categories"].get(category)
    if row is None:
        pytest.skip(f"no {category} annotations in the dev set")
    flag_floor, fix_floor = FLOORS[category]
    misses = [f"{i['context']!r} -> {i['fix']!r}" for i in report["items"]
              if i["category"] == category and not i["flagged"]]
    assert row["flag_rate"] >= flag_floor, (category, row, misses)
    if row["fix_rate"] is not None:
        assert row["fix_rate"] >= fix_floor, (category, row)


def test_clean_pages_get_no_finding(report):
    assert report["total"]["clean_findings"] == 0, report["clean"]
