import os
import shutil
import tempfile
from pathlib import Path

import pytest

# the word-frequency index is built afresh for each test session (and for the
# command-line runs the tests start), never taken from the user's cache
_CACHE = None
if "MTNORM_CACHE_DIR" not in os.environ:
    _CACHE = os.environ["MTNORM_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtnorm-test-cache-")


def pytest_unconfigure(config):
    if _CACHE:
        shutil.rmtree(_CACHE, ignore_errors=True)


ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MTNORM_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED
