"""Output formats checked against their consumers' rules, and the HTML report in a browser."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from normalize import Document, Pipeline
from normalize.formats import render_github, render_rdjson, render_sarif
from normalize.output import FileResult

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "schemas"
TEXT = "Talks in kyiv.She said the summitthat ended in “moscow“.\nLine two with 😀 kyiv.\n"


def results(text=TEXT, path="a.txt"):
    return [FileResult(path, Pipeline(language="en").check(Document(text, path=path)))]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "normalize", *args], capture_output=True, cwd=cwd)


def test_sarif_is_valid_against_the_schema_and_carries_rules_and_fixes(shared_data):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared_data / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(render_sarif(results()))
    jsonschema.validate(doc, schema)
    run_ = doc["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert "MTN301" in rules and rules["MTN301"]["name"] == "lowercase-proper-noun"
    kyiv = [r for r in run_["results"] if r["ruleId"] == "MTN301"][0]
    region = kyiv["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 10, 14)
    assert kyiv["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Kyiv"


def test_github_annotations_syntax():
    out = render_github(results(TEXT.replace("said", "said: 50%,")))
    lines = out.splitlines()
    assert lines
    rx = re.compile(r"^::(warning|notice|error) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                    r"title=[^,:]+::[^\r\n]*$")
    for line in lines:
        assert rx.match(line), line
    # code-point columns on a line with an emoji (one code point, two UTF-16 units)
    second = [ln for ln in lines if "line=2" in ln][0]
    assert f"col={len('Line two with 😀 ') + 1}," in second


def test_rdjson_shape_and_utf8_byte_columns():
    doc = json.loads(render_rdjson(results()))
    assert doc["source"]["name"] == "mtnorm"
    for d in doc["diagnostics"]:
        assert set(d) >= {"message", "location", "severity", "code"}
        assert d["location"]["range"]["start"]["line"] >= 1
    # "Line two with 😀 kyiv": 😀 is 4 bytes in UTF-8, so kyiv starts at byte column 20
    second = [d for d in doc["diagnostics"] if d["location"]["range"]["start"]["line"] == 2][0]
    assert second["location"]["range"]["start"]["column"] == len("Line two with 😀 ".encode()) + 1
    assert second["suggestions"][0]["text"] == "Kyiv"


def test_jsonl_has_one_finding_per_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    out = run("check", "--format", "jsonl", "--lang", "en", str(p)).stdout.decode().splitlines()
    rows = [json.loads(x) for x in out]
    assert rows and all(r["path"] == str(p) and "rule" in r for r in rows)


def test_baseline_hides_known_findings_only(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("talks in kyiv.\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("check", "--lang", "en", "--write-baseline", str(base), str(p)).returncode == 1
    assert run("check", "--lang", "en", "--baseline", str(base), str(p)).returncode == 0
    p.write_text("talks in kyiv.\nand in moscow.\n", encoding="utf-8")
    r = run("check", "--lang", "en", "--baseline", str(base), str(p))
    assert r.returncode == 1 and b"moscow" in r.stdout and b"kyiv" not in r.stdout


def test_markdown_code_links_and_front_matter_are_left_alone(tmp_path):
    md = ("---\ntitle: kyiv\n---\n# Talks in kyiv\n\nMet in kyiv.She said `kyiv.She` is code, "
          "see [the page](http://example.com/kyiv.html).\n\n```\nkyiv Sunday.She\n```\n")
    p = tmp_path / "a.md"
    p.write_text(md, encoding="utf-8")
    out = run("fix", "--lang", "en", str(p)).stdout.decode()
    assert out == md.replace("Talks in kyiv", "Talks in Kyiv").replace("Met in kyiv.She", "Met in Kyiv. She")


def test_html_tags_and_entities_are_markup(tmp_path):
    page = '<p class="kyiv">Talks in kyiv &amp; <a href="/moscow.html">moscow</a>.</p><pre>kyiv</pre>\n'
    p = tmp_path / "a.html"
    p.write_text(page, encoding="utf-8")
    out = run("fix", "--lang", "en", str(p)).stdout.decode()
    assert out == page.replace("Talks in kyiv", "Talks in Kyiv").replace(">moscow<", ">Moscow<")


def test_inline_suppressions_and_unused_ones(tmp_path):
    md = ("Talks in kyiv. <!-- mtnorm: ignore MTN301 -->\n"
          "<!-- mtnorm: ignore casing -->\nin moscow and kyiv\n\n"
          "Back in moscow.\n\nNothing here. <!-- mtnorm: ignore MTN701 -->\n")
    p = tmp_path / "a.md"
    p.write_text(md, encoding="utf-8")
    r = run("check", "--lang", "en", "--format", "json", str(p))
    doc = json.loads(r.stdout)
    texts = [f["text"] for f in doc["files"][0]["findings"]]
    assert texts == ["moscow"] and doc["files"][0]["findings"][0]["line"] == 5
    assert [u["line"] for u in doc["files"][0]["unused_suppressions"]] == [7]
    assert b"unused suppression" in run("check", "--lang", "en", str(p)).stdout


def test_word_diff(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("ok\ntalks in kyiv.She said\n", encoding="utf-8")
    out = run("fix", "--diff", "--word-diff", "--lang", "en", str(p)).stdout.decode()
    assert out == f"{p}:2: talks in [-kyiv-]{{+Kyiv+}}.{{+ +}}She said\n"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_html_report_in_headless_chromium(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Talks in kyiv.She said the political block wants Ukraine's income into NATO.\n",
                   encoding="utf-8")
    report = tmp_path / "report.html"
    r = run("report", "--lang", "en", "--unsafe-fixes", str(src), "-o", str(report))
    assert r.returncode == 0
    page = report.read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org", "") and "<script src" not in page

    def dom(url):
        out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url],
                             capture_output=True, timeout=120)
        return out.stdout.decode()

    shown = dom(report.as_uri())
    assert "<del>kyiv</del><ins>Kyiv</ins>" in shown
    assert "<del>block</del><ins>bloc</ins>" in shown
    assert re.search(r'<b>\d+</b>findings', shown)
    # the page's script runs: the #hide= filter hides a category
    hidden = dom(report.as_uri() + "#hide=casing")
    assert re.search(r'<span class="chg" data-cat="casing"[^>]*hidden', hidden)
    assert not re.search(r'<span class="chg" data-cat="mistranslation"[^>]*hidden', hidden)
    shot = tmp_path / "phone.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
                    f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 1000
