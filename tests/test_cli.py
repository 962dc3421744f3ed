"""The command line as a user runs it: exit codes, exact bytes, diffs, JSON."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DIRTY = "Officials in kyiv said on Sunday.She left\r\nthe ministry , which\u00a0said no"
CLEAN = "The minister said on Sunday that talks would continue.\n"


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "normalize", *args], input=stdin,
                          capture_output=True, cwd=cwd)


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "d.txt"
    d.write_bytes(("\ufeff" + DIRTY).encode("utf-8"))
    c = tmp_path / "c.txt"
    c.write_text(CLEAN, encoding="utf-8")
    return d, c


def test_check_exit_codes(files, tmp_path):
    d, c = files
    assert run("check", "--lang", "en", str(c)).returncode == 0
    r = run("check", "--lang", "en", str(d))
    assert r.returncode == 1 and b"MTN301" in r.stdout
    assert run("check", "--exit-zero", "--lang", "en", str(d)).returncode == 0
    missing = run("check", str(tmp_path / "nope.txt"), str(c))
    assert missing.returncode == 2 and b"nope.txt" in missing.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait\n")
    r = run("check", str(bad))
    assert r.returncode == 2 and b"bad.txt" in r.stderr and b"byte 3" in r.stderr
    assert run("check", "--select", "NOPE", str(c)).returncode == 2


def test_fix_writes_exact_bytes(files):
    d, _ = files
    r = run("fix", "--lang", "en", str(d))
    assert r.returncode == 0
    expected = "\ufeffOfficials in Kyiv said on Sunday. She left\r\nthe ministry, which\u00a0said no"
    assert r.stdout == expected.encode("utf-8")   # BOM, CRLF, NBSP kept; no newline added


def test_fix_stdin_stdout():
    r = run("fix", "--lang", "en", "-", stdin="talks in moscow.".encode())
    assert r.stdout == b"talks in Moscow."


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
def test_diff_applies_with_patch_to_the_fix_output(files, tmp_path):
    d, _ = files
    diff = run("fix", "--diff", "--lang", "en", str(d))
    assert diff.returncode == 0 and diff.stdout.startswith(b"--- a/")
    assert d.read_bytes().startswith("\ufeff".encode())  # --diff writes nothing
    target = tmp_path / "copy.txt"
    target.write_bytes(d.read_bytes())
    subprocess.run(["patch", "-s", str(target)], input=diff.stdout, check=True)
    assert target.read_bytes() == run("fix", "--lang", "en", str(d)).stdout


def test_in_place_is_atomic_and_keeps_mode(files):
    d, c = files
    d.chmod(0o640)
    before_clean = c.read_bytes()
    r = run("fix", "--in-place", "--lang", "en", str(d), str(c))
    assert r.returncode == 0
    assert d.read_text(encoding="utf-8").startswith("\ufeffOfficials in Kyiv")
    assert oct(d.stat().st_mode & 0o777) == oct(0o640)
    assert c.read_bytes() == before_clean
    assert not [p for p in d.parent.iterdir() if p.name.endswith(".mtnorm")]


def test_fix_several_files_needs_a_mode(files):
    d, c = files
    r = run("fix", str(d), str(c))
    assert r.returncode == 2 and b"--in-place" in r.stderr


def test_json_schema(files):
    d, _ = files
    r = run("check", "--format", "json", "--lang", "en", str(d))
    doc = json.loads(r.stdout)
    assert doc["version"] == 1 and set(doc) >= {"files", "stats"}
    [f] = doc["files"]
    assert f["path"] == str(d) and f["language"] == "en"
    text = d.read_bytes().decode("utf-8")
    keys = {"rule", "name", "category", "start", "end", "line", "column", "text",
            "replacements", "applicability", "message"}
    assert f["findings"]
    for x in f["findings"]:
        assert keys <= set(x)
        assert text[x["start"]:x["end"]] == x["text"]       # code-point offsets
        assert x["applicability"] in ("safe", "unsafe", "display")
    second_line = [x for x in f["findings"] if x["line"] == 2]
    assert second_line and second_line[0]["column"] == len("the ministry") + 1
    assert doc["stats"]["findings"] == len(f["findings"])


def test_rule_docs():
    r = run("rule", "MTN301")
    assert r.returncode == 0 and b"lowercase-proper-noun" in r.stdout and b"Example" in r.stdout
    listing = run("rule").stdout.decode()
    assert "MTN001" in listing and "MTN701" in listing
    assert run("rule", "MTN999").returncode == 2


def test_python_api():
    import normalize
    res = normalize.fix("talks in kyiv.She said", language="en")
    assert res.text == "talks in Kyiv. She said"
    assert normalize.check("talks in kyiv", language="en").findings[0].rule == "MTN301"


def test_bundled_example_is_cleaned():
    example = Path(__file__).resolve().parent.parent / "corpora" / "examples" / "scraped_en.txt"
    r = run("fix", "--unsafe-fixes", str(example))
    out = r.stdout.decode()
    for good in ("Donald Trump", "Kyiv on Sunday. She", "“constructive”", "expansion that",
                 "ministry, which", "announced about plans", "entry into NATO", "political bloc",
                 "in Moscow", "the Kremlin"):
        assert good in out
    assert "Kiev" not in out
