"""A safe fix never changes correct text: the first lines of every clean file
of ../shared/data (news, NTREX, parallel references, MQM human translations),
fixed with safe fixes only, change nowhere but on the slips a person verified
(bench/clean_slips.tsv). bench/safe_fixes.py runs the whole of it."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import safe_fixes  # noqa: E402

pytestmark = pytest.mark.skipif(not safe_fixes.sources(("news", "ntrex", "parallel", "mqm")),
                                reason="../shared/data is absent")


def test_safe_fixes_change_no_correct_text():
    counts, unverified = safe_fixes.audit(limit=300)
    assert sum(n for n, _ in counts.values()) > 0   # the audit saw safe fixes (the slips)
    assert unverified == [], "\n".join("\t".join(map(str, row[:5])) + f"\t`{row[6]}` -> `{row[7]}`"
                                       for row in unverified[:20])
