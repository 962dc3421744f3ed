"""The ratchet on the ACL tokenization-repair benchmark (Bast et al. 2021,
../shared/data/wordseg.acl.*): MTN401 and the other spacing rules put back
lost spaces in scientific text extracted from PDFs. Precision must stay at
0.95 or more (the real-world recall issue's bar), and recall must not fall
below what the work reached (raise the floor when a change raises it).
`python bench/wordseg_acl.py` prints the figures; Offline; skipped without ../shared/data."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from wordseg_acl import score  # noqa: E402

from normalize import Pipeline  # noqa: E402

PRECISION_FLOOR = 0.95
RECALL_FLOORS = {"test": 0.72, "dev": 0.52}


@pytest.mark.parametrize("split", sorted(RECALL_FLOORS))
def test_acl_keeps_precision_and_its_recall_floor(shared_data, split):
    corrupt_path = shared_data / f"wordseg.acl.{split}.corrupt.txt"
    correct_path = shared_data / f"wordseg.acl.{split}.correct.txt"
    if not (corrupt_path.is_file() and correct_path.is_file()):
        pytest.skip(f"wordseg.acl.{split} is absent")
    corrupt = corrupt_path.read_text(encoding="utf-8").splitlines()
    correct = correct_path.read_text(encoding="utf-8").splitlines()
    pipe = Pipeline(language="en", unsafe_fixes=True)
    edits = [[(e.start, e.end, e.replacement) for e in pipe.fix(line).edits] for line in corrupt]
    result = score(zip(corrupt, correct, edits))
    assert result["precision"] >= PRECISION_FLOOR, result
    assert result["recall"] >= RECALL_FLOORS[split], result
