"""The gate: nothing lands in English only. Every built-in pack string and every string of the game's own table has a
current Swedish and Dutch translation, and the shipped ``.mo`` files are the ``.po`` files compiled.

When this fails after you added or changed English (COMMON.md, docs/translating.md):

- pack text: ``citizen translate extract content/PACK --lang sv`` (and ``nl``), fill in the new ``text = ""``,
  then ``citizen translate check content --strict``;
- the game's own text (game/strings.py): ``python -m game.locale update``, fill in the new ``msgstr`` in
  game/locale/{sv,nl}/LC_MESSAGES/citizen.po (and remove ``#, fuzzy`` once checked), ``python -m game.locale compile``.
"""

from __future__ import annotations

import pytest
from conftest import CONTENT

from game import locale as catalogs
from game.cli import main
from game.strings import PLURALS, SOURCE


@pytest.mark.parametrize("code", catalogs.LANGUAGES)
def test_every_builtin_pack_string_has_a_current_translation(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["translate", "check", str(CONTENT), "--lang", code, "--strict"])
    out = capsys.readouterr()
    findings = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert status == 0, f"`citizen translate check content --lang {code} --strict` exits {status}:\n" + "\n".join(
        findings[-40:]
    )


def _problems_of(code: str) -> list[str]:
    """What keeps the ``code`` catalog from translating the whole string table, one line each."""
    catalog = catalogs.read(code)
    by_key = {message.context: message for message in catalog if message.id}
    wanted: dict[str, str | tuple[str, str]] = {**SOURCE, **PLURALS}
    problems = []
    for key, english in wanted.items():
        message = by_key.get(key)
        if message is None:
            problems.append(f"{key}: not in the catalog (run `python -m game.locale update`)")
        elif message.id != english:
            problems.append(f"{key}: the catalog translates older English {message.id!r} (run `python -m game.locale update`)")
        elif message.fuzzy:
            problems.append(f"{key}: fuzzy (the English changed): check the translation, remove `#, fuzzy`")
        elif not catalogs._translated(message):
            problems.append(f"{key}: not translated")
    for key in by_key.keys() - wanted.keys():
        problems.append(f"{key}: in the catalog but no longer in game/strings.py (run `python -m game.locale update`)")
    return problems


@pytest.mark.parametrize("code", catalogs.LANGUAGES)
def test_every_string_of_the_game_is_translated_and_not_fuzzy(code: str) -> None:
    problems = _problems_of(code)
    assert not problems, f"{catalogs.po_path(code)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", catalogs.LANGUAGES)
def test_the_shipped_mo_is_its_po_compiled(code: str) -> None:
    assert catalogs.mo_path(code).read_bytes() == catalogs.compiled(catalogs.read(code)), (
        f"{catalogs.mo_path(code)} is not {catalogs.po_path(code).name} compiled: run `python -m game.locale compile`"
    )


def test_the_gate_notices_a_new_english_string(monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog check is not vacuous: a key added to the table, or English changed under a key, is caught."""
    before = set(_problems_of("sv"))
    monkeypatch.setitem(SOURCE, "i18n_gate_probe", "A sentence nobody translated")
    monkeypatch.setitem(SOURCE, "menu_new", "A brand-new life")
    problems = set(_problems_of("sv")) - before
    assert any(p.startswith("i18n_gate_probe: not in the catalog") for p in problems)
    assert any(p.startswith("menu_new: the catalog translates older English") for p in problems)


def test_swedish_thousands_never_break_across_lines() -> None:
    """Swedish groups thousands with a space (¥200 000); in the packs' Swedish that space is a no-break one
    (U+00A0, as Babel writes the game's own numbers), so a wrapped line never reads '¥200' then '000'."""
    import re

    gap = re.compile(r"\d{1,3} \d{3}(?!\d)")
    found = [
        f"{path.relative_to(CONTENT.parent)}:{n}: {match.group()!r}"
        for path in sorted(CONTENT.glob("*/lang/sv.toml"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if not line.startswith("#")
        for match in gap.finditer(line)
    ]
    assert not found, "write the thousands space as U+00A0 (no-break space):\n" + "\n".join(found[:20])
