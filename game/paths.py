"""Where content, user packs and saves live, with environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def builtin_content() -> Path:
    """The built-in packs: ``CITIZEN_CONTENT``, else the packs installed with the package
    (``game/builtin_content`` in a wheel), else ``content/`` of the checkout."""
    if env := os.environ.get("CITIZEN_CONTENT"):
        return Path(env)
    installed = _installed_content()
    if installed is not None:
        return installed
    return CHECKOUT / "content"


def shipped_content() -> Path:
    """The packs that ship with the game (a wheel's ``game/builtin_content`` or the checkout's
    ``content/``), whatever ``CITIZEN_CONTENT`` says: the packs held to the strictest checks."""
    return _installed_content() or CHECKOUT / "content"


def is_shipped(folder: Path) -> bool:
    """Whether a pack folder is one of the packs that ship with the game."""
    try:
        return folder.resolve().is_relative_to(shipped_content().resolve())
    except OSError:
        return False


def _installed_content() -> Path | None:
    """``game/builtin_content`` as installed from a wheel, or None in a checkout (editable install)."""
    from importlib.resources import files

    candidate = files("game").joinpath("builtin_content")
    if isinstance(candidate, Path) and candidate.is_dir():
        return candidate
    return None


def user_packs() -> Path:
    """Packs the user added: ``CITIZEN_PACKS``, else the platform's user data folder."""
    if env := os.environ.get("CITIZEN_PACKS"):
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("aaa-citizen") / "packs"


def default_pack_paths() -> list[Path]:
    """Built-in packs plus the user's packs folder when it has any."""
    paths = [builtin_content()]
    user = user_packs()
    if user.is_dir() and any(user.glob("*/pack.toml")):
        paths.append(user)
    return paths


def default_saves_dir(override: Path | None = None) -> Path:
    """Where saves live: ``override`` (``--saves DIR``), else ``CITIZEN_SAVES``, else ``saves`` of the config
    file (see :mod:`game.config`), else :func:`fallback_saves_dir`."""
    from game.config import saves_from_settings

    return saves_from_settings(override) or fallback_saves_dir()


def fallback_saves_dir() -> Path:
    """The saves folder when nothing names one: ``saves/`` of a checkout (when ``pyproject.toml`` is
    beside ``game/``), else the platform's user data folder."""
    if (CHECKOUT / "pyproject.toml").is_file():
        return CHECKOUT / "saves"
    from platformdirs import user_data_path

    return user_data_path("aaa-citizen") / "saves"
