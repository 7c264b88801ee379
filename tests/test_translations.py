"""Pack translations keyed by id with source hashes: extract, check, stats, fallback, layering, hostile files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Annotated, Literal, get_args, get_origin, get_type_hints

import msgspec.inspect as mi
import pytest
from conftest import FIXTURE_PACKS

from game.cli import main
from game.packs import schema
from game.packs.loader import load_content, validate
from game.packs.translatable import fields_of
from game.packs.translations import source_hash


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURE_PACKS / "mini", folder, ignore=shutil.ignore_patterns("lang"))
    return folder


def _translate(file: Path, key: str, text: str) -> None:
    """Fill in one entry of an extracted file, as a translator does."""
    body = file.read_text(encoding="utf-8")
    pattern = re.compile(rf'^("{re.escape(key)}" = \{{ text = )"(?:[^"\\]|\\.)*"', re.M)
    assert pattern.search(body), key
    file.write_text(pattern.sub(lambda m: m.group(1) + '"' + text.replace('"', '\\"') + '"', body), encoding="utf-8")


def test_extract_writes_every_string_with_its_source_and_hash(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", "extract", str(mini_copy), "--lang", "sv"]) == 0
    body = (mini_copy / "lang" / "sv.toml").read_text(encoding="utf-8")
    assert '[translation]\npack = "mini"\nlanguage = "sv"' in body
    assert f'# en = "A hub"\n"event.hub.title" = {{ text = "", hash = "{source_hash("A hub")}" }}' in body
    assert '"event.hub.choice.gamble.outcome.0.text"' in body  # an outcome without an id: by position
    assert "to translate" in capsys.readouterr().out


def test_translation_applies_and_missing_falls_back(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    _translate(mini_copy / "lang" / "sv.toml", "event.hub.title", "Ett nav")
    content = load_content([mini_copy], language="sv")
    assert content.events["hub"].title == "Ett nav"
    assert content.events["hub"].text == "Choose what to test."  # not translated: the source shows
    assert load_content([mini_copy]).events["hub"].title == "A hub"  # no language: the source
    monkeypatch.setenv("CITIZEN_LANG_STRICT", "1")
    strict = load_content([mini_copy], language="sv")
    assert strict.events["hub"].title == "Ett nav"
    assert strict.events["hub"].text == "⟦en⟧ Choose what to test."  # a fallback is marked in strict runs


def test_stale_translation_is_detected_after_a_source_edit(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    sv = mini_copy / "lang" / "sv.toml"
    _translate(sv, "event.hub.title", "Ett nav")
    assert main(["translate", "check", str(mini_copy), "--lang", "sv"]) == 0
    capsys.readouterr()
    events = mini_copy / "events.toml"
    events.write_text(events.read_text().replace('title = "A hub"', 'title = "The hub"'), encoding="utf-8")
    assert main(["translate", "check", str(mini_copy), "--lang", "sv", "--strict"]) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if ": stale:" in x)
    assert line.startswith(f"{sv}:")  # FILE:LINE of the translation
    assert 'from "A hub" to "The hub"' in line
    assert load_content([mini_copy], language="sv").events["hub"].title == "The hub"  # stale: not used
    # extract keeps the stale translation and its old hash, and shows the new text
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    body = sv.read_text(encoding="utf-8")
    assert '# en = "A hub"\n# changed to: "The hub"\n"event.hub.title" = { text = "Ett nav"' in body
    # the translator updates the text and deletes the hash; extract records the current one
    body = body.replace(f'text = "Ett nav", hash = "{source_hash("A hub")}"', 'text = "Navet"')
    sv.write_text(body, encoding="utf-8")
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    assert f'"event.hub.title" = {{ text = "Navet", hash = "{source_hash("The hub")}" }}' in sv.read_text(encoding="utf-8")
    assert load_content([mini_copy], language="sv").events["hub"].title == "Navet"


def test_placeholder_or_markup_mismatch_is_refused(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = mini_copy / "events.toml"
    events.write_text(events.read_text().replace('text = "You win."', 'text = "You win {stat:money}, [b]now[/b]."'), "utf-8")
    main(["translate", "extract", str(mini_copy), "--lang", "nl"])
    nl = mini_copy / "lang" / "nl.toml"
    _translate(nl, "event.hub.choice.gamble.outcome.0.text", "Je wint {stat:geld}, [b]nu[/b].")
    _translate(nl, "event.hub.text", "Kies wat je test, [i]nu[/i].")
    capsys.readouterr()
    assert main(["translate", "check", str(mini_copy), "--lang", "nl"]) == 1  # an error even without --strict
    out = capsys.readouterr().out
    assert "the translation lacks {stat:money} and adds {stat:geld}" in out
    assert "markup differs from the source" in out
    _content, problems = validate([mini_copy], check_translations=True)
    assert any(p.severity == "error" and "placeholders differ" in p.message for p in problems)
    game = load_content([mini_copy], language="nl")  # the game still loads, with the source text
    gamble = next(c for c in game.events["hub"].choices if c.id == "gamble")
    assert gamble.outcomes[0].text == "You win {stat:money}, [b]now[/b]."


def test_later_pack_translates_an_earlier_ones_items(mini_copy: Path, write_pack) -> None:  # type: ignore[no-untyped-def]
    extra = write_pack(
        "extra",
        {
            "lang/sv.toml": f"""
            [translation]
            pack = "extra"
            language = "sv"
            [strings]
            "event.hub.title" = {{ text = "Navet", hash = "{source_hash("A hub")}" }}
            """
        },
        depends=["mini"],
    )
    content = load_content([mini_copy, extra], language="sv")
    assert content.events["hub"].title == "Navet"


def test_translation_files_are_not_pack_content(mini_copy: Path) -> None:
    before = load_content([mini_copy]).packs[0].content_hash
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    _translate(mini_copy / "lang" / "sv.toml", "event.hub.title", "Ett nav")
    assert load_content([mini_copy]).packs[0].content_hash == before  # saves do not see a changed translation


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b"\xff\xfe not utf-8", "not valid UTF-8"),
        (b'[translation]\npack = "mini"\nlanguage = "sv"\n[strings]\n"x" = 1\n', "is not a string's key"),
        (b'[translation]\npack = "other"\nlanguage = "sv"\n', 'pack = "mini" and language = "sv"'),
        (b'[translation]\npack = "mini"\nlanguage = "sv"\n[strings]\n"event.hub.title" = { text = "x", code = "y" }\n',
         "only text and hash"),
        (b'[translation]\npack = "mini"\nlanguage = "sv"\n[strings]\n"event.hub.title" = { text = "x", hash = "zz" }\n',
         "is not one 'citizen translate extract' writes"),
        (b"[translation\n", "TOML syntax error"),
        (b"#" * (3 * 1024 * 1024), "larger than 2 MiB"),
    ],
)
def test_hostile_translation_files_are_refused_in_plain_words(
    mini_copy: Path, body: bytes, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_copy / "lang").mkdir()
    (mini_copy / "lang" / "sv.toml").write_bytes(body)
    _content, problems = validate([mini_copy], check_translations=True)
    assert any(said in p.message and p.file.endswith("sv.toml") for p in problems), problems
    assert load_content([mini_copy], language="sv").events["hub"].title == "A hub"  # the game plays on in the source
    assert main(["translate", "extract", str(mini_copy), "--lang", "sv"]) == 1  # nothing is overwritten
    assert (mini_copy / "lang" / "sv.toml").read_bytes() == body
    assert "Traceback" not in capsys.readouterr().err


def test_stats_show_the_share_translated_and_current(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    _translate(mini_copy / "lang" / "sv.toml", "event.hub.title", "Ett nav")
    capsys.readouterr()
    assert main(["translate", "stats", str(mini_copy)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("mini"))
    assert row.split()[1] == "sv" and row.split()[-1].endswith("%") and row.split()[-1] != "0%"


NOT_PLAYER_TEXT = {schema.Id, schema.Expr, schema.Reliability, schema.Date, schema.Short, schema.Language, schema.WorldEntry}
"""String types that never hold player text: ids, expressions, reliability levels, dates, versions, tags."""
NOT_TRANSLATED = {("TierDef", "id"), ("TierDef", "color"), ("ScenarioDef", "settings"), ("SettingDef", "default")}
"""Other string fields that are not player text (the pack's own metadata is for writers, in ``citizen packs``)."""


def _structs() -> set[type]:
    seen: set[type] = set()

    def walk(info: object) -> None:
        if isinstance(info, mi.StructType):
            if info.cls in seen:
                return
            seen.add(info.cls)
            for f in info.fields:
                walk(f.type)
        for attr in ("type", "item_type", "value_type"):
            if (inner := getattr(info, attr, None)) is not None:
                walk(inner)
        for inner in getattr(info, "types", ()):
            walk(inner)

    walk(mi.type_info(schema.PackFile))
    return seen


def _strings(hint: object) -> list[object]:
    """The str types in a field's type (through lists, dicts' values and unions)."""
    metas = get_args(hint)[1:] if get_origin(hint) is Annotated else ()
    if metas and get_args(hint)[0] is str and any(getattr(m, "pattern", None) for m in metas):
        return []  # a pattern-checked string: an id or a reference
    if hint is str or (get_origin(hint) is Annotated and get_args(hint)[0] is str):
        return [hint]
    if get_origin(hint) is Annotated:
        return _strings(get_args(hint)[0])
    if get_origin(hint) is Literal:
        return []
    return [s for arg in get_args(hint) for s in _strings(arg)]


def test_every_string_field_of_the_schema_is_classified() -> None:
    """A new text field is translatable by its type (schema.Text); any other new string field must be classified here."""
    unclassified = []
    for struct in _structs():
        if struct is schema.PackMeta:
            continue  # not translated: the pack's name and description are for writers (citizen packs)
        translatable = {f.name for f in fields_of(struct) if f.kind in ("text", "texts")}
        for name, hint in get_type_hints(struct, include_extras=True).items():
            strings = [s for s in _strings(hint) if s not in NOT_PLAYER_TEXT]
            if strings and name not in translatable and (struct.__name__, name) not in NOT_TRANSLATED:
                unclassified.append(f"{struct.__name__}.{name}")
    assert not unclassified, f"make these schema.Text (translatable) or list them as not player text: {unclassified}"


def test_the_translatable_fields_include_what_players_read() -> None:
    from game.packs.translatable import translatable_fields

    fields = translatable_fields()
    assert {"title", "text", "choice.ID.label", "choice.ID.locked_text", "choice.ID.outcome.ID.text", "choice.ID.end"} <= set(
        fields["event"]
    )
    assert {"goals.ID.text", "character.name", "character.job"} <= set(fields["scenarios"])
    assert {"name", "unit"} <= set(fields["stats"]) and "tiers.ID.name" in fields["systems"]
    assert {"claim", "fact", "sources.N"} <= set(fields["myths"])


def test_a_source_edit_that_adds_markup_makes_the_translation_stale_not_an_error(mini_copy: Path) -> None:
    """A writer's edit must not break ``validate``: the old translation is stale (a warning) until translated again."""
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    _translate(mini_copy / "lang" / "sv.toml", "event.hub.title", "Ett nav")
    events = mini_copy / "events.toml"
    events.write_text(events.read_text().replace('title = "A hub"', 'title = "A [b]new[/b] hub {weekday}"'), "utf-8")
    _content, problems = validate([mini_copy], check_translations=True)
    about_hub = [p for p in problems if "event.hub.title" in p.message]
    assert [p.severity for p in about_hub] == ["warning"]
    assert "stale" in about_hub[0].message


def test_extract_keeps_a_translation_whose_string_moved_to_a_new_id(mini_copy: Path) -> None:
    """An item renamed or moved (an epilogue event becoming a scenario's ending) keeps its translation when its
    English did not change."""
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    sv = mini_copy / "lang" / "sv.toml"
    _translate(sv, "event.followup.text", "Det kom tillbaka.")
    events = mini_copy / "events.toml"
    events.write_text(events.read_text().replace('id = "followup"', 'id = "follow_up"').replace('"followup"', '"follow_up"'))
    main(["translate", "extract", str(mini_copy), "--lang", "sv"])
    body = sv.read_text(encoding="utf-8")
    assert '"event.follow_up.text" = { text = "Det kom tillbaka."' in body
    assert '"event.followup.text"' not in body
