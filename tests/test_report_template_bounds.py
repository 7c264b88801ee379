"""A teacher's debrief templates are bounded: endless loops, huge repetitions and self-inclusion give one message."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.reports import templating
from game.reports.templating import HTML, ReportTemplateError, render


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}", "longer than 1 s"),
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "longer than 1 s"),
        ("{{ 'a' * 10**10 }}", "longer than 1 s"),
        ("{{ range(100000)|join(',') * 100000 }}", "longer than 1 s"),
        ("{% include 'debrief.html.j2' %}", "include or call each other without end"),
    ],
)
def test_hostile_templates_are_refused_in_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, said: str) -> None:
    monkeypatch.setattr(templating, "MAX_SECONDS", 1)
    (tmp_path / HTML).write_text(body, encoding="utf-8")
    with pytest.raises(ReportTemplateError, match=said):
        render(HTML, {}, tmp_path)


def test_small_repetitions_still_work(tmp_path: Path) -> None:
    (tmp_path / HTML).write_text("{{ 'ab' * 3 }}{{ 2 * 'c' }}{{ 6 * 7 }}", encoding="utf-8")
    assert render(HTML, {}, tmp_path) == "abababcc42"
