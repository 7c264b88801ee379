"""The seats of ``citizen serve``: at most N games at once, counted across every server on one workshop.

Each running game holds one of N lock files (``seat-01.lock`` …) in a shared
folder, with :mod:`filelock` (``flock`` underneath), so two ``citizen serve`` on
the same workshop folder share one count, and a server that dies gives its seats
back at once (the operating system drops its locks). Nothing is counted in memory.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout


class RoomSeats:
    """``size`` seats whose lock files live in ``folder`` (made on first use)."""

    def __init__(self, folder: Path, size: int) -> None:
        self.folder = folder
        self.size = size

    def _lock(self, seat: int) -> FileLock:
        # the files stay: removing one while another process opens it would let two games hold one seat
        return FileLock(self.folder / f"seat-{seat:02d}.lock", timeout=0, thread_local=False, preserve_lock_file=True)

    def check(self) -> None:
        """Make the folder and try one seat, so that a folder that cannot hold locks fails at start (OSError)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = self.take()
        if lock is not None:
            lock.release()

    def take(self) -> FileLock | None:
        """Hold the first free seat (release the lock it returns when the game ends); None when all are taken."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for seat in range(1, self.size + 1):
            lock = self._lock(seat)
            try:
                lock.acquire()
            except Timeout:
                continue
            return lock
        return None

    def taken(self) -> int:
        """How many seats games hold now, in this server or another one on the same folder."""
        if not self.folder.is_dir():
            return 0
        held = 0
        for seat in range(1, self.size + 1):
            lock = self._lock(seat)
            try:
                lock.acquire()
            except Timeout:
                held += 1
            else:
                lock.release()
        return held
