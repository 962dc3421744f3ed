"""``mtnorm report``: one self-contained HTML page a reviewer can read anywhere.

No network: styles and script are inline. Each file shows its text with every
applied change inline (deleted text struck through, inserted text underlined)
and every unapplied finding marked, each with its rule, message and fix class;
a side-by-side view; category filters; summary counts. Narrow screens get one
column.
"""

from __future__ import annotations

import html
from collections import Counter

from . import __version__
from .model import Applicability
from .output import FileResult
from .rules import RULES

CSS = """
:root{--del:#ffd7d5;--ins:#ccffd8;--mark:#fff3b0;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0}
*{box-sizing:border-box}body{font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);margin:0;padding:1rem;max-width:72rem;margin-inline:auto}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem;word-break:break-all}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:1rem}.card{border:1px solid var(--line);border-radius:8px;padding:.4rem .7rem}
.card b{display:block;font-size:1.3rem}.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.5rem 0 1rem}
.filters label{white-space:nowrap}.views{margin-bottom:.5rem}.views button{font:inherit;padding:.3rem .7rem;border:1px solid var(--line);background:#f6f8fa;border-radius:6px}
.views button[aria-pressed=true]{background:#0969da;color:#fff}
.doc{white-space:pre-wrap;word-wrap:break-word;border:1px solid var(--line);border-radius:8px;padding:.8rem;background:#fff}
del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);text-decoration:underline}
mark{background:var(--mark)}.chg{cursor:help}.sbs{display:none;grid-template-columns:1fr 1fr;gap:.5rem}
body.side .inline{display:none}body.side .sbs{display:grid}
.sbs h3{font-size:.9rem;margin:.2rem 0;color:var(--muted)}
.tablewrap{overflow-x:auto}table{border-collapse:collapse;width:100%;margin-top:.6rem;font-size:.92rem}td,th{border-top:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
code{background:#f6f8fa;padding:0 .2rem;border-radius:4px;word-break:break-all}
.cls{font-size:.8rem;border-radius:10px;padding:0 .4rem;border:1px solid var(--line);white-space:nowrap}
.safe{color:#1a7f37}.unsafe{color:#9a6700}.display{color:#59636e}
@media (max-width:640px){body{padding:.5rem;font-size:15px}.sbs{grid-template-columns:1fr}th:nth-child(4),td:nth-child(4){display:none}}
"""

JS = """
function applyFilter(box){
  document.querySelectorAll('[data-cat="'+box.value+'"]').forEach(function(el){ el.hidden = !box.checked; });
}
document.querySelectorAll('.filters input').forEach(function(box){
  box.addEventListener('change', function(){ applyFilter(box); });
});
// a shareable view: report.html#hide=casing,spacing
var m = location.hash.match(/hide=([\w,]+)/);
if (m) { m[1].split(',').forEach(function(cat){
  document.querySelectorAll('.filters input[value="'+cat+'"]').forEach(function(box){ box.checked = false; applyFilter(box); });
}); }
document.querySelectorAll('.views button').forEach(function(b){
  b.addEventListener('click', function(){
    document.body.classList.toggle('side', b.dataset.view === 'side');
    document.querySelectorAll('.views button').forEach(function(x){ x.setAttribute('aria-pressed', x === b); });
  });
});
"""


def _visible(s: str) -> str:
    """Show a replacement that is only spaces (or nothing) so a reader sees it."""
    return s.replace(" ", "␣") if not s.strip() else s


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _inline(fr: FileResult) -> str:
    """The original text with applied edits as <del>/<ins> and other findings as <mark>."""
    res = fr.result
    text = res.original
    events = []
    for e in res.edits:
        cats = sorted({RULES[r].category.value for r in e.rules})
        msgs = [f.message for f in res.findings if f.start >= e.start and f.end <= e.end and f.rule in e.rules]
        events.append((e.start, e.end, "edit", e, cats, msgs))
    edited = [(e.start, e.end) for e in res.edits]
    for f in res.findings:
        if any(s <= f.start and f.end <= t for s, t in edited):
            continue
        events.append((f.start, f.end, "mark", f, [RULES[f.rule].category.value], [f.message]))
    events.sort(key=lambda x: (x[0], x[1]))
    out, pos = [], 0
    for start, end, kind, obj, cats, msgs in events:
        if start < pos:
            continue
        out.append(_e(text[pos:start]))
        cat = cats[0] if cats else "encoding"
        if kind == "edit":
            title = "; ".join(f"{r} {RULES[r].name}" for r in obj.rules) + (": " + " / ".join(msgs) if msgs else "")
            old = f"<del>{_e(text[start:end])}</del>" if end > start else ""
            new = f"<ins>{_e(obj.replacement)}</ins>" if obj.replacement else ""
            out.append(f'<span class="chg" data-cat="{cat}" title="{_e(title)}">{old}{new}</span>')
        else:
            f = obj
            fix = f" — suggestion: {f.fix}" if f.fix is not None else ""
            title = f"{f.rule} {RULES[f.rule].name} ({f.applicability.value}): {f.message}{fix}"
            out.append(f'<mark class="chg" data-cat="{cat}" title="{_e(title)}">{_e(text[start:end])}</mark>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _table(fr: FileResult) -> str:
    res = fr.result
    rows = []
    edited = {(e.start, e.end) for e in res.edits}
    from .text import Analysis
    a = Analysis(res.original, res.language)
    for f in res.findings:
        r = RULES[f.rule]
        line, col = a.line_col(f.start)
        applied = any(s <= f.start and f.end <= t for s, t in edited) and f.applicability is not Applicability.DISPLAY
        fix = " | ".join(_e(_visible(x)) for x in f.replacements) or "—"
        rows.append(
            f'<tr data-cat="{r.category.value}"><td>{line}:{col}</td><td><code>{f.rule}</code> {r.name}</td>'
            f'<td>{_e(f.message)}<br><code>{_e(res.original[f.start:f.end]) or "∅"}</code> → <code>{fix}</code></td>'
            f'<td>{r.category.value}</td><td><span class="cls {f.applicability.value}">{f.applicability.value}'
            f'{" · applied" if applied else ""}</span></td></tr>')
    if not rows:
        return "<p>No findings.</p>"
    return ('<div class="tablewrap"><table><thead><tr><th>where</th><th>rule</th><th>finding and fix</th>'
            "<th>category</th><th>class</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def render_report(results: list[FileResult], title: str = "mtnorm report") -> str:
    cats = Counter(RULES[f.rule].category.value for fr in results for f in fr.result.findings)
    apps = Counter(f.applicability.value for fr in results for f in fr.result.findings)
    n_edits = sum(len(fr.result.edits) for fr in results)
    cards = [("files", len(results)), ("findings", sum(cats.values())), ("changes applied", n_edits),
             ("safe", apps["safe"]), ("unsafe", apps["unsafe"]), ("suggestions", apps["display"])]
    summary = "".join(f'<div class="card"><b>{v}</b>{_e(k)}</div>' for k, v in cards)
    filters = "".join(f'<label><input type="checkbox" value="{c}" checked> {c} ({n})</label>'
                      for c, n in sorted(cats.items()))
    sections = []
    for fr in results:
        res = fr.result
        sections.append(
            f'<section><h2>{_e(fr.path)} <small>({_e(res.language or "?")}, {len(res.findings)} findings, '
            f'{len(res.edits)} changes)</small></h2>'
            f'<div class="doc inline">{_inline(fr)}</div>'
            f'<div class="sbs"><div><h3>original</h3><div class="doc">{_e(res.original)}</div></div>'
            f'<div><h3>cleaned</h3><div class="doc">{_e(res.text)}</div></div></div>'
            f'{_table(fr)}</section>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_e(title)}</title><style>{CSS}</style></head><body>'
            f'<h1>{_e(title)}</h1><div class="summary">{summary}</div>'
            f'<div class="filters" role="group" aria-label="categories">{filters}</div>'
            f'<div class="views"><button data-view="inline" aria-pressed="true">inline</button> '
            f'<button data-view="side" aria-pressed="false">side by side</button></div>'
            f'{"".join(sections)}<p><small>mtnorm {__version__}</small></p>'
            f'<script>{JS}</script></body></html>\n')
