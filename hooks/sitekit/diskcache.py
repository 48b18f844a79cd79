"""What one build can hand the next: a folder of the system's temp folder that only this
user can read, for results that depend on nothing but their input (as Python keeps .pyc
files). Each `mkdocs build` is a new process; without this it compiles our partials,
parses every data file and front matter, converts the quizzes' Markdown and makes the
SCORM packages anew (about 0.3 s of a 3.5 s build).

Everything here is optional: a folder that cannot be made safely, or an entry that
cannot be read or written, is passed by, and the build does the work itself. An entry
not used for KEEP_DAYS is deleted (each edit of a page or quiz makes a new one)."""
from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

KEEP_DAYS = 14
_folder: Path | None = None
_checked = False


def private_dir() -> Path | None:
    """The cache folder (made on first use, mode 0700), or None if it cannot be
    trusted: not a folder of this user's, or readable by others."""
    global _folder, _checked
    if not _checked:
        _checked = True
        if hasattr(os, "getuid"):
            folder = Path(tempfile.gettempdir()) / f"inkl-build-cache-{os.getuid()}"
            try:
                folder.mkdir(mode=stat.S_IRWXU, exist_ok=True)
                info = os.lstat(folder)
                if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == stat.S_IRWXU:
                    _folder = folder
                    _prune(folder)
            except OSError:
                pass
    return _folder


def _prune(folder: Path) -> None:
    """Delete the entries not used for KEEP_DAYS (a read marks an entry used)."""
    old = time.time() - KEEP_DAYS * 86400
    with os.scandir(folder) as entries:
        for entry in entries:
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < old:
                    os.unlink(entry.path)
            except OSError:
                pass


def read_bytes(name: str) -> bytes | None:
    """The entry `name`, or None if there is none (or it cannot be read)."""
    folder = private_dir()
    if folder is None:
        return None
    path = folder / name
    try:
        value = path.read_bytes()
    except OSError:
        return None
    try:
        os.utime(path)  # used: kept another KEEP_DAYS
    except OSError:
        pass
    return value


def write_bytes(name: str, value: bytes) -> None:
    """Keep `value` as the entry `name`: written whole, then put in place, so a build
    running beside this one never reads half an entry."""
    folder = private_dir()
    if folder is None:
        return
    try:
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=name, suffix=".tmp", delete=False) as file:
            file.write(value)
    except OSError:
        return
    try:
        os.replace(file.name, folder / name)
    except OSError:
        try:
            os.unlink(file.name)
        except OSError:
            pass


def read_json(name: str) -> Any | None:
    """The JSON entry `name`, or None if there is none (or it is not JSON)."""
    raw = read_bytes(name)
    try:
        return json.loads(raw) if raw is not None else None
    except ValueError:
        return None


def write_json(name: str, value: Any) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    write_bytes(name, text.encode("utf-8"))
