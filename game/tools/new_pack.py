"""``citizen new-pack NAME``: scaffold a small complete pack that validates and simulates cleanly."""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from pathlib import Path
from string import Template

from game.text_files import current_umask
from game.tools.common import CliError
from game.tools.new_pack_files import FILES
from game.tools.schema_cmd import write_schemas

MAX_ID = 24


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-pack", help="create a new pack folder with one example of every feature")
    p.add_argument("name", help="folder name of the new pack; its id is made from it (lower case, _ for spaces)")
    p.add_argument("--dir", type=Path, default=Path("."), metavar="DIR", help="where to create it (default: here)")
    p.add_argument("--title", metavar="TEXT", help="the pack's display name (default: from NAME)")
    p.set_defaults(run=run)


def pack_id(name: str) -> str:
    """A valid pack id made from a folder name: ``My Pack`` → ``my_pack``."""
    ident = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not ident or not ident[0].isalpha():
        raise CliError(f"cannot make a pack id from '{name}': start the name with a letter (e.g. 'harbour')")
    return ident[:MAX_ID].rstrip("_")


def scaffold(folder: Path, ident: str, title: str) -> list[Path]:
    """Write the pack into ``folder``, which must not exist yet; all files appear at once or none do."""
    if folder.exists() or folder.is_symlink():
        raise CliError(f"{folder} already exists; choose another NAME or --dir (nothing was changed)")
    if not folder.parent.is_dir():
        raise CliError(f"{folder.parent} is not a folder; create it first or choose another --dir")
    values = {"id": ident, "name": title.replace('"', "'"), "folder": folder.as_posix()}
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as exc:
        raise CliError(f"cannot create {folder}: {exc.strerror or exc}", 1) from None
    try:
        for relative, template in FILES.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(Template(template).substitute(values), encoding="utf-8")
        write_schemas(staging / "schema")
        staging.chmod(0o777 & ~current_umask())  # mkdtemp makes a private folder; a pack is an ordinary one
        staging.rename(folder)  # onto nothing: a folder or link made there meanwhile makes this fail, never merge
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise CliError(f"cannot create {folder}: {exc.strerror or exc} (nothing was changed)", 1) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(p for p in folder.rglob("*") if p.is_file())


def run(args: argparse.Namespace) -> int:
    ident = pack_id(Path(args.name).name)
    title = args.title or Path(args.name).name.replace("_", " ").replace("-", " ").strip().capitalize()
    folder = args.dir / args.name
    files = scaffold(folder, ident, title)
    print(f"created pack '{ident}' in {folder} ({len(files)} files)")
    print("next:")
    print(f"  citizen validate {folder}")
    print(f"  citizen simulate --pack {folder} --runs 200 --strict")
    print(f"  citizen play --pack {folder} --scenario {ident}_life")
    return 0
