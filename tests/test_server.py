"""``mtnorm serve``: LanguageTool's API, its offsets, limits, and a real LT client."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from normalize.languagetool import (Annotated, CheckRequest, RequestError, Service, Utf16, base_language,
                                    languages, select_rules)
from normalize.rules import RULES

starlette = pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from normalize.server import Settings, create_app  # noqa: E402

ASTRAL = "Résumé 😀🎉 of the talks in kyiv.She said 🇺🇦 they met expansionthat."


@pytest.fixture(scope="module")
def service():
    return Service()


def _app(service, **settings):
    return TestClient(create_app(Settings(warm=False, **settings), service=service))


# --- the protocol, without HTTP ------------------------------------------

def test_utf16_offsets_count_astral_characters_twice():
    u = Utf16("a😀b🇺🇦c")
    assert [u.units(i) for i in range(7)] == [0, 1, 3, 4, 6, 8, 9]
    for cp in range(7):
        assert u.code_point(u.units(cp)) == cp
    assert u.code_point(2) == 1          # inside the emoji's surrogate pair: the emoji
    assert Utf16("plain é").units(7) == 7


def test_annotated_text_maps_back_to_the_markup_and_offers_no_fix_across_it():
    a = Annotated.from_data(json.dumps({"annotation": [
        {"text": "Talks in "}, {"markup": "<b>"}, {"text": "kyiv"}, {"markup": "</b>"},
        {"text": " ended."}, {"markup": "<p>", "interpretAs": "\n\n"},
        {"text": "We saw expansion"}, {"markup": "</a>"}, {"text": "that grew."}]}))
    assert a.plain == "Talks in kyiv ended.\n\nWe saw expansionthat grew."
    i = a.plain.index("kyiv")
    s, e, clean = a.to_original(i, i + 4)
    assert a.original[s:e] == "kyiv" and clean
    i = a.plain.index("expansionthat")
    s, e, clean = a.to_original(i, i + len("expansionthat"))
    assert a.original[s:e] == "expansion</a>that" and not clean
    with pytest.raises(RequestError):
        Annotated.from_data("{not json")
    with pytest.raises(RequestError):
        Annotated.from_data({"annotation": [{"text": "a", "markup": "b"}]})


def test_language_codes_and_the_languages_list():
    assert base_language("en-US") == "en" and base_language("pt_BR") == "pt"
    assert base_language("auto") is None
    with pytest.raises(RequestError, match="does not support"):
        base_language("nl")
    codes = {x["longCode"] for x in languages()}
    assert {"en", "en-US", "en-GB", "de-DE", "pt-BR", "fr", "ru-RU"} <= codes


def test_rule_selection_follows_languagetools_semantics():
    every = frozenset(c for c, r in RULES.items() if r.default)
    assert select_rules({}) == every
    assert "MTN301" not in select_rules({"disabledRules": "MTN301,WHITESPACE_RULE"})
    assert not any(RULES[c].category.value == "casing" for c in select_rules({"disabledCategories": "CASING"}))
    only = select_rules({"enabledOnly": "true", "enabledRules": "MTN401", "enabledCategories": "spacing"})
    assert "MTN401" in only and all(c == "MTN401" or RULES[c].category.value == "spacing" for c in only)
    assert select_rules({"disabledRules": "UPPERCASE_SENTENCE_START"}) == every   # LT's own ids: ignored
    with pytest.raises(RequestError):
        select_rules({"enabledOnly": "true"})


def test_check_answers_in_utf16_units_of_the_text_sent(service):
    out = service.check({"text": ASTRAL, "language": "en-US"})
    assert out["software"]["name"] == "mtnorm"
    assert out["language"]["code"] == "en-US" and out["language"]["detectedLanguage"]["code"] == "en"
    units = ASTRAL.encode("utf-16-le")
    by_rule = {m["rule"]["id"]: m for m in out["matches"]}
    assert {"MTN301", "MTN101", "MTN401"} <= set(by_rule)
    for m in out["matches"]:
        shown = units[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le")
        ctx = m["context"]
        assert ctx["text"].encode("utf-16-le")[2 * ctx["offset"]: 2 * (ctx["offset"] + ctx["length"])] \
            .decode("utf-16-le") == shown
        assert m["rule"]["category"]["id"] == RULES[m["rule"]["id"]].category.value.upper()
        assert m["rule"]["issueType"] and m["message"] and m["sentence"]
    assert units[2 * by_rule["MTN301"]["offset"]:].decode("utf-16-le").startswith("kyiv")
    # the missing space is an insertion: widened to the characters around it, so it can be underlined
    assert by_rule["MTN101"]["length"] == 2 and by_rule["MTN101"]["replacements"] == [{"value": ". S"}]


def test_mother_tongue_is_a_source_guess_not_a_given_source(service):
    text = ("The minister signed the agreement. The ministry actually employs 400 people, "
            "the spokesman said on Monday.")
    req = CheckRequest.from_params({"text": text, "language": "en", "motherTongue": "es"})
    from normalize.languagetool import document
    doc = document(req)
    assert doc.source_language is None and doc.metadata["source_guess"]["language"] == "es"
    assert CheckRequest.from_params({"text": "x", "language": "en", "motherTongue": "ja"}).mother_tongue is None


# --- over HTTP -----------------------------------------------------------

def test_http_check_form_json_and_data(service):
    client = _app(service)
    r = client.post("/v2/check", data={"text": ASTRAL, "language": "auto"})
    assert r.status_code == 200
    assert r.json()["language"]["detectedLanguage"]["code"] == "en"
    assert any(m["rule"]["id"] == "MTN301" for m in r.json()["matches"])
    r = client.post("/v2/check", json={"text": "talks in kyiv ended", "language": "en"})
    assert r.status_code == 200 and r.json()["matches"]
    r = client.post("/v2/check", files={"text": (None, "talks in kyiv ended"), "language": (None, "en")})
    assert r.status_code == 200 and r.json()["matches"][0]["rule"]["id"] == "MTN301"     # multipart
    r = client.get("/v2/check", params={"text": "talks in kyiv ended", "language": "en"})
    assert r.status_code == 200 and r.json()["matches"]
    data = json.dumps({"annotation": [{"text": "Talks in "}, {"markup": "<i>"}, {"text": "kyiv"},
                                      {"markup": "</i>"}, {"text": " ended on Sunday."}]})
    m = client.post("/v2/check", data={"data": data, "language": "en"}).json()["matches"]
    assert [(x["offset"], x["length"], x["replacements"]) for x in m if x["rule"]["id"] == "MTN301"] == \
        [(12, 4, [{"value": "Kyiv"}])]
    assert client.get("/v2/languages").json() == languages()
    assert client.get("/health").json()["status"] == "ok"


def test_http_errors_are_clear(service):
    client = _app(service, max_bytes=2_000)
    r = client.post("/v2/check", data={"language": "en"})
    assert r.status_code == 400 and "text" in r.text
    r = client.post("/v2/check", data={"text": "hi", "language": "klingon"})
    assert r.status_code == 400 and "does not support" in r.text
    r = client.post("/v2/check", data={"text": "x" * 5_000, "language": "en"})
    assert r.status_code == 413 and "2000 bytes" in r.text
    r = client.post("/v2/check", content=b"text=\xff\xfe&language=en",
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400 and "UTF-8" in r.text


def test_api_key(service):
    client = _app(service, api_key="s3cret")
    assert client.post("/v2/check", data={"text": "hi", "language": "en"}).status_code == 401
    assert client.post("/v2/check", data={"text": "hi", "language": "en", "apiKey": "nope"}).status_code == 403
    assert client.post("/v2/check", data={"text": "hi", "language": "en", "apiKey": "s3cret"}).status_code == 200
    assert client.post("/v2/check", data={"text": "hi", "language": "en"},
                       headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/health").status_code == 200      # a load balancer's probe needs no key


def test_cors_only_when_an_origin_is_allowed(service):
    headers = {"Origin": "https://editor.example", "Access-Control-Request-Method": "POST"}
    r = _app(service).options("/v2/check", headers=headers)
    assert "access-control-allow-origin" not in r.headers
    r = _app(service, allow_origin="https://editor.example").options("/v2/check", headers=headers)
    assert r.headers["access-control-allow-origin"] == "https://editor.example"


class _Slow(Service):
    """A service whose check waits for the test to let it go."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()
        self.started = threading.Event()

    def check(self, params):
        self.started.set()
        self.release.wait(10)
        return {"matches": []}


def test_busy_worker_answers_503_with_retry_after_and_slow_check_408():
    slow = _Slow()
    with _app(slow, queue=1, timeout=0.3) as client:
        results = {}
        t = threading.Thread(target=lambda: results.setdefault(
            "first", client.post("/v2/check", data={"text": "a", "language": "en"})))
        t.start()
        assert slow.started.wait(5)
        second = client.post("/v2/check", data={"text": "b", "language": "en"})
        assert second.status_code == 503 and int(second.headers["Retry-After"]) >= 1
        t.join(5)
        assert results["first"].status_code == 408
        # the check the client gave up on still holds its place until it ends
        assert client.get("/health").json()["pending"] == 1
        slow.release.set()
        deadline = time.time() + 5
        while client.get("/health").json()["pending"] and time.time() < deadline:
            time.sleep(0.02)
        assert client.post("/v2/check", data={"text": "c", "language": "en"}).status_code == 200


def test_fix_endpoint_returns_text_findings_and_a_diff_that_reproduces_it(service):
    from normalize.diff import split_lines
    text = "The talks in kyiv ended on Sunday.She left.\n😀 Done.\n"
    out = _app(service).post("/mtnorm/fix", data={"text": text, "language": "en"}).json()
    assert out["text"] == "The talks in Kyiv ended on Sunday. She left.\n😀 Done.\n"
    assert {f["rule"] for f in out["findings"]} >= {"MTN301", "MTN101"}
    plus = [line[1:] for line in split_lines(out["diff"]) if line.startswith("+") and not line.startswith("+++")]
    assert "".join(plus) == "The talks in Kyiv ended on Sunday. She left.\n"
    rebuilt = list(text)
    for e in sorted(out["edits"], key=lambda e: -e["start"]):
        rebuilt[e["start"]:e["end"]] = e["replacement"]
    assert "".join(rebuilt) == out["text"]


def test_access_log_has_no_text(service, caplog):
    secret = "confidential draft about kyiv"
    with caplog.at_level("INFO", logger="mtnorm.access"):
        _app(service).post("/v2/check?language=en", data={"text": secret})
    lines = [r.getMessage() for r in caplog.records if r.name == "mtnorm.access"]
    assert lines and "/v2/check 200" in lines[-1]
    assert not any("kyiv" in x or "confidential" in x or "language=en" in x for x in lines)


# --- a LanguageTool client nobody here wrote -------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(service):
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(warm=False), service=service),
                                           host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_language_tool_python_gets_mtnorms_matches(live_server):
    ltp = pytest.importorskip("language_tool_python")
    tool = ltp.LanguageTool("en-US", remote_server=live_server)
    try:
        matches = tool.check(ASTRAL)
        # the client turns UTF-16 offsets back into Python's: they must land on the words
        got = {m.rule_id: ASTRAL[m.offset:m.offset + m.error_length] for m in matches}
        assert got["MTN301"] == "kyiv" and got["MTN401"] == "expansionthat" and got["MTN101"] == ".S"
        assert tool.correct(ASTRAL) == "Résumé 😀🎉 of the talks in Kyiv. She said 🇺🇦 they met expansion that."
        tool.disabled_rules.add("MTN301")
        assert "MTN301" not in {m.rule_id for m in tool.check(ASTRAL)}
    finally:
        tool.close()
    de = ltp.LanguageTool("de-DE", remote_server=live_server)
    try:
        text = "Die Gespräche über Zölle 🎉 in berlin endeten am Sonntag."
        got = {m.rule_id: text[m.offset:m.offset + m.error_length] for m in de.check(text)}
        assert got.get("MTN301") == "berlin"
    finally:
        de.close()
