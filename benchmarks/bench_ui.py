"""Benchmark of the reader as a user meets it: the first screen, and each key. A script that prints
numbers and ratios against a plain Textual app, not a test.

    python benchmarks/bench_ui.py                   # bundled story, 100 and 900 generated articles
    python benchmarks/bench_ui.py --quick           # fewer runs and presses
    python benchmarks/bench_ui.py --sizes 100       # the bundled story and 100 articles only
    python benchmarks/bench_ui.py --tree /tmp/head  # measure the kato-tui of another checkout
    python benchmarks/bench_ui.py --quick --sizes --first-paint   # the bundled story's first paint only, no keys

The yardstick is plain_reader.py, beside this file: a plain Textual app (a Horizontal of
VerticalScroll columns, one Static each) showing the same article texts, read from the same
folder, and nothing else. Every figure of kato-tui is given with the yardstick's and the ratio.

First paint is measured from outside, as a user sees it: the program (`python -m tui [FOLDER]`,
or plain_reader.py) is started on its own pseudo-terminal of 200x50 (pty.fork, the window size set
with TIOCSWINSZ before exec, TERM=xterm-256color), and this script reads everything it writes,
timestamping each read. The escape sequences are stripped from the stream and it is searched for
(1) the first words of the first article's body (first text) and (2) "N matches" (kato-tui's
status line once the analysis is done). A pty, not tmux: tmux's capture-pane would have to be
polled (every 10-20 ms, each poll a process), so a figure would be late by up to a polling period
and the polls would compete for the same 2 CPUs; reading the pty gives the time the bytes were
written to within a read, with no terminal emulator in between. The clock starts before fork, so
the interpreter's start and every import count. Runs alternate (kato-tui cold, plain, kato-tui
with a warm cache, the order rotating each round) and the figures are medians; one untimed round
first fills the bytecode and file caches (PYTHONDONTWRITEBYTECODE is taken out of the children's
environment, so a checkout run from source gets the bytecode an installed one has). Each kato-tui run gets a fresh empty KATO_TUI_CACHE and
data folder (notes); the cached variant opens the folder a second time with a KATO_TUI_CACHE that
one earlier, untimed run filled (given 2 s after "N matches" to save, then quit with q). If that
run left the cache folder empty, the app does not use the cache yet: the cached figures are the
cold ones, and the output says "cache not wired".

Key latency is measured in-process, with the app under Textual's run_test(size=(200, 50)) in a
subprocess of its own (PYTHONPATH the measured checkout, TEXTUAL_ANIMATIONS=none so that a scroll's
frames are the key's work, not an animation's length; the same for both apps). A key is posted to
the app as the terminal driver posts it (an events.Key message). Frames are timed by wrapping the
app's _display, which Textual calls with each compositor update, once the update has also been
turned into the terminal's escape codes (render_segments: headless Textual skips that step and the
write, so the wrapper does the first, for both apps). A key's frames are those that touch a screen
row other than the rows that frames kept touching before the first press (the status line while
the analysis reports its progress), up to the first pause of 0.1 s without one; the latency is
given to the first of them (the screen starts to change) and to the last (the screen has settled:
`tab` restyles the columns over several frames). A key with no frame within 3 s counts as 3 s
("none" in the table). Keys: n, ], j (j and k in turn, after one untimed k, so that a column
never sits at its end), tab and search (/, a word, enter: the time of enter), 50 presses each (20
with --quick) over two runs of the child alternated with the plain app's; the yardstick is a plain
scroll, as many down/up presses in plain_reader. A key the app does not bind (Textual's
active_bindings) is printed "not built". On the largest size j and tab are also pressed in turn
from the first text on, while the analysis still runs ("busy", two runs), until "N matches" is on
screen: a slow key leaves time for few presses.

The machine (2 CPUs) is shared with other work: expect noise of 10-30 %; alternated runs and
medians keep the ratios fair, and a figure that matters should be read over two runs.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLS, ROWS = 200, 50
GAP = 0.1
"""A key's burst of frames ends when no frame comes for this long (seconds)."""
TIMEOUT = 3.0
"""A key with no frame within this long counts as this long."""
PLAIN_COLUMNS = 5
"""Columns the plain app shows: as many as kato-tui shows at 200 columns."""

# Targets (issue 12, on the bundled story unless said).
TARGET_FIRST_TEXT = 1.2
TARGET_MATCHES = 1.3
TARGET_MATCHES_CACHED = 1.1
TARGET_KEY_RATIO = 2.0
"""n, ] and tab: at most this many times a plain scroll's median."""
TARGET_BUSY_KEY_MS = 50.0
"""Largest size, keys while the analysis runs: p95 under this."""
TARGET_SECOND_OPEN_S = 1.0
"""Largest size, second opening (warm cache): "N matches" on screen within this."""

ESCAPES = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-Za-z]|[@-Z\\-_=<>78])"
)
MATCHES = re.compile(r"\b\d[\d,]* matches\b")
KEYS = ("n", "]", "j", "tab", "search")
KEY_NAMES = {"n": "n", "]": "right_square_bracket", "tab": "tab", "/": "slash", "enter": "enter",
             "down": "down", "up": "up", "j": "j", "k": "k"}
KEY_CHARS = {"tab": "\t", "right_square_bracket": "]", "slash": "/", "enter": "\r", "down": None, "up": None}


# =============================================================================================
# The corpora and what marks their text on screen
# =============================================================================================


def bodies(folder: Path) -> list[str]:
    sys.path.insert(0, str(HERE))
    from plain_reader import read_bodies

    return read_bodies(folder)


def marker(folder: Path) -> str:
    """The first words of the first article's body (ASCII, at most 16 characters): they start its
    column's first line of text in both apps."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9,.:'-]*", bodies(folder)[0])
    text = words[0]
    for word in words[1:]:
        if len(text) + 1 + len(word) > 16:
            break
        text += " " + word
    return text


def search_word(folder: Path) -> str:
    """A word of the first article to search for: its first word of 7 letters or more."""
    return next((w for w in re.findall(r"[A-Za-z]+", bodies(folder)[0]) if len(w) >= 7), "the")


# =============================================================================================
# First paint: the program on a pty
# =============================================================================================


class ScreenText:
    """The text a program wrote to its terminal, escape sequences taken out, fed as it comes."""

    def __init__(self) -> None:
        self.text = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def feed(self, data: bytes) -> str:
        text = self._pending + self._decoder.decode(data)
        cut = text.rfind("\x1b")
        self._pending = ""
        if cut >= 0 and not ESCAPES.match(text, cut) and len(text) - cut < 512:
            text, self._pending = text[:cut], text[cut:]  # a sequence cut in two by the read
        new = ESCAPES.sub("", text)
        self.text += new
        return new


def _environment(tree: Path, cache: Path, data: Path) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE out: an installed kato-tui has its bytecode (pip compiles it, as it
    # did Textual's), and the untimed first round writes it for a checkout run from source; with it
    # set, every timed run compiled all of tui/ again (about 40 ms) while Textual's was ready.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "TMUX")) and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", PYTHONPATH=str(tree),
               KATO_TUI_CACHE=str(cache), XDG_CACHE_HOME=str(cache / "xdg"), XDG_DATA_HOME=str(data),
               XDG_STATE_HOME=str(data / "state"), XDG_CONFIG_HOME=str(data / "config"))
    # The state folder too: a story reopens where the user left it, and one left at a match shows
    # "match 1/8", never "8 matches", so every run would wait for it in vain.
    return env


def run_on_pty(argv: list[str], env: dict[str, str], cwd: Path, text: str, timeout: float,
               wait_matches: bool, linger: float = 0.0) -> dict[str, float | None]:
    """Start argv on a 200x50 pty; seconds from before the fork until `text`, and "N matches" when
    asked, were written; then, `linger` seconds later, quit with q (a kill if that takes over 10 s)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: set the window size on its terminal, then become the program
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    screen, found = ScreenText(), {"text": None, "matches": None}
    try:
        while time.perf_counter() - start < timeout:
            if found["text"] is not None and (found["matches"] is not None or not wait_matches):
                break
            data = _read(fd, timeout - (time.perf_counter() - start))
            if data is None:
                break
            now = time.perf_counter() - start
            new = screen.feed(data)
            window = screen.text[-(len(new) + 64):]
            if found["text"] is None and text in window:
                found["text"] = now
            if found["matches"] is None and MATCHES.search(window):
                found["matches"] = now
        deadline = time.perf_counter() + linger
        while time.perf_counter() < deadline and _read(fd, deadline - time.perf_counter()) is not None:
            pass
    finally:
        _quit(pid, fd)
    return found


def _read(fd: int, timeout: float) -> bytes | None:
    ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
    if not ready:
        return b""
    try:
        return os.read(fd, 1 << 16) or None
    except OSError:  # EIO: the program has closed its terminal
        return None


def _quit(pid: int, fd: int) -> None:
    """q, then wait for the exit while draining the output; SIGTERM, then SIGKILL, if it hangs."""
    with contextlib.suppress(OSError):
        os.write(fd, b"q")
    for sig, wait in ((None, 10.0), (signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
        if sig is not None:
            os.kill(pid, sig)
        deadline = time.perf_counter() + wait
        while time.perf_counter() < deadline:
            if os.waitpid(pid, os.WNOHANG)[0]:
                os.close(fd)
                return
            if _read(fd, 0.05) is None:
                time.sleep(0.01)
    os.close(fd)


# =============================================================================================
# Key latency: the app under Pilot, in a child process
# =============================================================================================


class Frames:
    """Times the app's frames: each compositor update, once turned into escape codes."""

    def __init__(self, app: object) -> None:
        import asyncio

        self.times: list[tuple[float, frozenset[int] | None]] = []
        self.seen: dict[str, float] = {}
        self.patterns: dict[str, re.Pattern[str]] = {}
        self.changed = asyncio.Event()
        self._app = app
        self._display = app._display  # type: ignore[attr-defined]
        app._display = self.display  # type: ignore[attr-defined]

    def display(self, screen: object, update: object) -> None:
        self._display(screen, update)
        if update is None:
            return
        try:
            sequence = update.render_segments(self._app.console)  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            sequence = ""
        now = time.perf_counter()
        self.times.append((now, _rows(update)))
        if self.patterns:
            text = ESCAPES.sub("", sequence)
            for name, pattern in list(self.patterns.items()):
                if pattern.search(text):
                    self.seen[name] = now
                    del self.patterns[name]
        self.changed.set()

    async def wait_for(self, name: str, pattern: str | re.Pattern[str], timeout: float) -> float | None:
        """The time `pattern` was first on screen, waiting for it up to `timeout` seconds."""
        import asyncio

        if name not in self.seen and name not in self.patterns:
            self.patterns[name] = re.compile(pattern if isinstance(pattern, re.Pattern) else re.escape(pattern))
        deadline = time.perf_counter() + timeout
        while name not in self.seen and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        return self.seen.get(name)

    async def after(self, start: int, t0: float, background: frozenset[int]) -> tuple[float, float] | None:
        """Seconds from t0 to the first and to the last frame of the key's burst: the frames from index
        `start` on that touch a row outside `background`, until none comes for GAP seconds. None when
        no such frame comes within TIMEOUT."""
        import asyncio

        first = last = None
        while True:
            for when, rows in self.times[start:]:
                if rows is None or rows - background:
                    first, last = first or when, when
            start = len(self.times)
            now = time.perf_counter()
            if last is not None and now - last >= GAP:
                return first - t0, last - t0
            if last is None and now - t0 >= TIMEOUT:
                return None
            self.changed.clear()
            wait = GAP - (now - last) if last is not None else TIMEOUT - (now - t0)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), max(0.001, wait))


def _rows(update: object) -> frozenset[int] | None:
    """The screen rows an update writes (None: all of them)."""
    spans = getattr(update, "spans", None)
    if spans is not None:
        return frozenset(y for y, _, _ in spans)
    region = getattr(update, "region", None)
    return frozenset(range(region.y, region.bottom)) if region is not None else None


async def _press(app: object, frames: Frames, key: str, background: frozenset[int]) -> tuple[float, float] | None:
    """Post one key as the terminal driver does; seconds to its first and its last frame (None: no frame)."""
    from textual import events

    name = KEY_NAMES.get(key, key)
    event = events.Key(name, KEY_CHARS.get(name, key if len(key) == 1 else None))
    start, t0 = len(frames.times), time.perf_counter()
    app.post_message(event)  # type: ignore[attr-defined]
    return await frames.after(start, t0, background)


async def _background(frames: Frames, settle: float = 0.5, seconds: float = 0.5) -> frozenset[int]:
    """The rows that frames keep touching while no key is pressed (a progress line): after `settle`
    seconds, the rows at least half the frames of the next `seconds` touch."""
    import asyncio

    await asyncio.sleep(settle)
    start = len(frames.times)
    await asyncio.sleep(seconds)
    counts: dict[int, int] = {}
    window = frames.times[start:]
    for _, touched in window:
        for row in touched or ():
            counts[row] = counts.get(row, 0) + 1
    return frozenset(row for row, count in counts.items() if 2 * count >= len(window))


def _bound(app: object, key: str) -> bool:
    try:
        return KEY_NAMES.get(key, key) in app.active_bindings  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - an app in the middle of a change: measure the key anyway
        return True


async def _keys_idle(app: object, frames: Frames, job: dict, pilot: object) -> dict[str, object]:
    """After the first screen (the plain app) or "N matches" (kato-tui): each key `presses` times."""

    waited = (await frames.wait_for("matches", MATCHES, job["timeout"]) if job["app"] == "kato"
              else await frames.wait_for("text", job["marker"], job["timeout"]))
    if waited is None:
        return {"error": "the screen never showed " + ("N matches" if job["app"] == "kato" else "the text")}
    background = await _background(frames)
    result: dict[str, object] = {}
    plan = {"j": ("down", "up")} if job["app"] == "plain" else {"n": ("n",), "]": ("]",), "j": ("j", "k"), "tab": ("tab",)}
    for label, keys in plan.items():
        if not _bound(app, keys[0]):
            result[label] = "not built"
            continue
        samples = []
        if len(keys) == 2:  # a column at its end would not scroll: one untimed step back first
            await _press(app, frames, keys[1], background)
        for i in range(job["presses"]):
            samples.append(await _press(app, frames, keys[i % len(keys)], background))
        result[label] = samples
    if job["app"] == "kato":
        result["search"] = await _search(app, frames, job, background)
    return result


async def _search(app: object, frames: Frames, job: dict, background: frozenset[int]) -> object:
    """/ , the word, enter: the time from enter to its frame (escape closes whatever stays open)."""

    if not _bound(app, "/"):
        return "not built"
    samples = []
    for _ in range(max(5, job["presses"] // 3)):
        for key in ("/", *job["word"]):
            await _press(app, frames, key, background)
        samples.append(await _press(app, frames, "enter", background))
        await _press(app, frames, "escape", background)
    return samples


async def _keys_busy(app: object, frames: Frames, job: dict) -> dict[str, object]:
    """From the first text on, j/k and tab in turn until "N matches" is on screen."""

    if await frames.wait_for("text", job["marker"], job["timeout"]) is None:
        return {"error": "no text on screen"}
    background = await _background(frames)
    samples: dict[str, list[tuple[float, float] | None]] = {"j": [], "tab": []}
    order = [("j", "j"), ("j", "k"), ("tab", "tab"), ("tab", "tab")]  # j then k on one column: never a no-op at its top
    i = 0
    while "matches" not in frames.seen and i < 4 * job["presses"]:
        label, key = order[i % len(order)]
        latency = await _press(app, frames, key, background)
        if "matches" not in frames.seen:
            samples[label].append(latency)
        i += 1
    return {"busy_" + label: values for label, values in samples.items()}


def keys_child(job: dict) -> dict[str, object]:
    """Run one app under Pilot and press its keys (in this process: PYTHONPATH is the checkout)."""
    import asyncio

    async def run() -> dict[str, object]:
        app = _make(job)
        frames = Frames(app)
        frames.patterns.update(text=re.compile(re.escape(job["marker"])), matches=MATCHES)
        async with app.run_test(size=(COLS, ROWS)) as pilot:  # type: ignore[attr-defined]
            if job.get("busy"):
                return await _keys_busy(app, frames, job)
            return await _keys_idle(app, frames, job, pilot)

    return asyncio.run(run())


def _make(job: dict) -> object:
    if job["app"] == "plain":
        sys.path.insert(0, str(HERE))
        from plain_reader import PlainReader, read_bodies

        return PlainReader(read_bodies(Path(job["folder"])), PLAIN_COLUMNS)
    from tui.core.corpus import load_corpus
    from tui.ui.app import make_app

    return make_app(load_corpus(Path(job["folder"])) if job["corpus"] != "bundled" else None)


def run_keys(job: dict, tree: Path, scratch: Path) -> dict[str, object]:
    """keys_child in a subprocess on the checkout `tree`; its result."""
    cache = Path(tempfile.mkdtemp(dir=scratch)) if job.get("busy") else scratch / f"cache-{job['corpus']}"
    cache.mkdir(exist_ok=True)
    env = _environment(tree, cache, Path(tempfile.mkdtemp(dir=scratch)))
    env["TEXTUAL_ANIMATIONS"] = "none"  # a scroll's frames are the key's, not the animation's length
    command = [sys.executable, str(Path(__file__).resolve()), "--keys-child", json.dumps(job)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tree, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# =============================================================================================
# One corpus: first paint and keys
# =============================================================================================


def measure_corpus(name: str, folder: Path, tree: Path, scratch: Path, rounds: int, presses: int,
                   busy: bool, timeout: float, keys_too: bool = True) -> dict[str, object]:
    text, word = marker(folder), search_word(folder)
    kato = [sys.executable, "-m", "tui", *([] if name == "bundled" else [str(folder)])]
    plain = [sys.executable, str(HERE / "plain_reader.py"), str(folder), "--columns", str(PLAIN_COLUMNS)]

    def fresh() -> dict[str, str]:
        return _environment(tree, Path(tempfile.mkdtemp(dir=scratch)), Path(tempfile.mkdtemp(dir=scratch)))

    warm_env = fresh()
    run_on_pty(plain, fresh(), tree, text, timeout, False)  # untimed: bytecode and file caches
    run_on_pty(kato, warm_env, tree, text, timeout, True, linger=2.0)  # untimed: fills the cache, given time to save
    wired = any(Path(warm_env["KATO_TUI_CACHE"]).glob("*"))
    runs: dict[str, list[dict]] = {"kato": [], "plain": [], "cached": []}
    variants = [("kato", kato, fresh, True), ("plain", plain, fresh, False)]
    if wired:
        variants.append(("cached", kato, lambda: warm_env, True))
    for r in range(rounds):
        for label, argv, env, matches in variants[r % len(variants):] + variants[: r % len(variants)]:
            runs[label].append(run_on_pty(argv, env(), tree, text, timeout, matches))
        print(f"  {name}: round {r + 1}/{rounds} of first paint", file=sys.stderr, flush=True)

    keys: dict[str, dict] = {"kato": {}, "plain": {}}
    job = {"corpus": name, "folder": str(folder), "marker": text, "word": word, "timeout": timeout,
           "presses": max(1, presses // 2)}
    for r in range(2 if keys_too else 0):
        for label in ("kato", "plain") if r == 0 else ("plain", "kato"):
            _merge(keys[label], run_keys({**job, "app": label}, tree, scratch))
    for _ in range(2 if busy and keys_too else 0):  # twice: a slow key leaves time for few presses before the analysis ends
        _merge(keys["kato"], run_keys({**job, "app": "kato", "busy": True, "presses": presses}, tree, scratch))
    print(f"  {name}: keys measured", file=sys.stderr, flush=True)
    return {"corpus": name, "articles": len(bodies(folder)), "runs": runs, "wired": wired, "keys": keys}


def _merge(into: dict, result: dict) -> None:
    for key, value in result.items():
        if isinstance(value, list) and isinstance(into.get(key, []), list):
            into[key] = into.get(key, []) + value
        elif key not in into:
            into[key] = value


# =============================================================================================
# The report
# =============================================================================================


def _median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _p95(values: list[float | None]) -> float | None:
    values = sorted(v for v in values if v is not None)
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:,.0f} ms"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _x(ratio: float | None) -> str:
    return "-" if ratio is None else f"{ratio:.2f}x"


def _table(rows: list[list[str]]) -> str:
    from bench_analysis import table  # the analysis benchmark's layout (main put this folder on the path)

    return table(rows)


def first_paint(result: dict) -> dict[str, float | None]:
    """The medians of the runs: first text and "N matches" for each variant."""
    runs = result["runs"]
    figures = {
        "plain": _median([r["text"] for r in runs["plain"]]),
        "text": _median([r["text"] for r in runs["kato"]]),
        "matches": _median([r["matches"] for r in runs["kato"]]),
    }
    cached = runs["cached"] if result["wired"] else runs["kato"]
    figures["cached_text"] = _median([r["text"] for r in cached])
    figures["cached_matches"] = _median([r["matches"] for r in cached])
    return figures


def key_figures(result: dict) -> dict[str, tuple[float, float, int, float, int] | str]:
    """Each key's median and p95 to its last frame, presses, median to its first frame, presses with no
    frame (counted as TIMEOUT); or why there is none."""
    figures: dict[str, tuple[float, float, int, float, int] | str] = {}
    kato, plain = result["keys"]["kato"], result["keys"]["plain"]
    for label, source in [("plain j", plain.get("j")), *((k, kato.get(k)) for k in (*KEYS, "busy_j", "busy_tab"))]:
        if isinstance(source, list) and source:
            pairs = [sample or (TIMEOUT, TIMEOUT) for sample in source]
            last, first = [p[1] for p in pairs], [p[0] for p in pairs]
            figures[label] = (_median(last), _p95(last), len(pairs), _median(first), sum(s is None for s in source))
        elif source is not None:
            figures[label] = str(source or "no press")
    for side in (kato, plain):
        if "error" in side:
            figures.setdefault("error", side["error"])
    return figures


def report(results: list[dict]) -> list[tuple[str, str, bool]]:
    rows = [["first paint (medians)", "runs", "plain: text", "kato: text", "ratio", '"N matches"', "ratio",
             "cached: text", "ratio", '"N matches"', "ratio"]]
    for result in results:
        f = first_paint(result)
        cache_note = "" if result["wired"] else " (not wired)"
        rows.append([_label(result), str(len(result["runs"]["kato"])), _ms(f["plain"]), _ms(f["text"]), _x(_ratio(f["text"], f["plain"])),
                     _ms(f["matches"]), _x(_ratio(f["matches"], f["plain"])),
                     _ms(f["cached_text"]) + cache_note, _x(_ratio(f["cached_text"], f["plain"])),
                     _ms(f["cached_matches"]), _x(_ratio(f["cached_matches"], f["plain"]))])
    print()
    print(_table(rows))
    if not all(r["wired"] for r in results):
        print("cache not wired: the app left KATO_TUI_CACHE empty, so the cached figures are the cold ones")

    names = ("plain j", *KEYS, "busy_j", "busy_tab")
    rows = [["key to last frame: median / p95, presses", "plain j (down/up)", *KEYS, "busy j", "busy tab"]]
    firsts = [["key to first frame: median", *rows[0][1:]]]
    ratios = [["key / plain scroll (medians: last frame, first frame)", *KEYS, "busy j", "busy tab"]]
    for result in results:
        k = key_figures(result)
        base = k.get("plain j")
        rows.append([_label(result), *(_key_cell(k.get(name)) for name in names)])
        firsts.append([_label(result), *(_key_cell(k.get(name), first=True) for name in names)])
        ratios.append([_label(result), *(_key_ratio(k.get(name), base) for name in (*KEYS, "busy_j", "busy_tab"))])
        if "error" in k:
            print(f"{_label(result)}: keys: {k['error']}")
    print()
    print(_table(rows))
    print()
    print(_table(firsts))
    print()
    print(_table(ratios))
    return _verdicts(results)


def _label(result: dict) -> str:
    return "bundled story" if result["corpus"] == "bundled" else f"{result['articles']} articles"


def _key_cell(figure: object, first: bool = False) -> str:
    if isinstance(figure, tuple):
        median, p95, count, first_median, misses = figure
        if first:
            return _ms(first_median)
        return f"{_ms(median)} / {_ms(p95)}, {count}" + (f" ({misses} none)" if misses else "")
    return "-" if figure is None else str(figure)


def _key_ratio(figure: object, base: object) -> str:
    if isinstance(figure, tuple) and isinstance(base, tuple):
        return f"{_x(_ratio(figure[0], base[0]))}, {_x(_ratio(figure[3], base[3]))}"
    return str(figure) if isinstance(figure, str) else "-"


def _verdicts(results: list[dict]) -> list[tuple[str, str, bool]]:
    verdicts: list[tuple[str, str, bool]] = []
    bundled = next((r for r in results if r["corpus"] == "bundled"), None)
    if bundled is not None:
        f, k = first_paint(bundled), key_figures(bundled)
        for name, value, target in (
            ("bundled: first text / plain", _ratio(f["text"], f["plain"]), TARGET_FIRST_TEXT),
            ('bundled: "N matches" / plain', _ratio(f["matches"], f["plain"]), TARGET_MATCHES),
            ('bundled: "N matches", cached / plain' + ("" if bundled["wired"] else " (cache not wired: cold)"),
             _ratio(f["cached_matches"], f["plain"]), TARGET_MATCHES_CACHED),
        ):
            verdicts.append((f"{name} <= {target}x", _x(value), value is not None and value <= target))
        base = k.get("plain j")
        for key in ("n", "]", "tab"):
            figure = k.get(key)
            both = isinstance(figure, tuple) and isinstance(base, tuple)
            ratio = _ratio(figure[0], base[0]) if both else None
            shown = f"{_x(ratio)} (first frame {_x(_ratio(figure[3], base[3]))})" if both else str(figure or "-")
            verdicts.append((f"bundled: {key} / plain scroll, last frame <= {TARGET_KEY_RATIO:.0f}x", shown,
                             ratio is not None and ratio <= TARGET_KEY_RATIO))
    largest = max(results, key=lambda r: r["articles"])
    if largest is not bundled:
        k, f = key_figures(largest), first_paint(largest)
        for key in ("busy_j", "busy_tab"):
            figure = k.get(key)
            p95 = figure[1] if isinstance(figure, tuple) else None
            verdicts.append((f"{_label(largest)}: {key.split('_')[1]} p95 while analysing < {TARGET_BUSY_KEY_MS:.0f} ms",
                             _ms(p95), p95 is not None and p95 < TARGET_BUSY_KEY_MS * 1e-3))
        second = f["cached_matches"]
        verdicts.append((f'{_label(largest)}: second opening, "N matches" < {TARGET_SECOND_OPEN_S:.0f} s'
                         + ("" if largest["wired"] else " (cache not wired: cold)"),
                         _ms(second), second is not None and second < TARGET_SECOND_OPEN_S))
    print("\ntargets (issue 12)")
    width = max(len(v[0]) for v in verdicts)
    for name, value, ok in verdicts:
        print(f"  {name.ljust(width)}  {value:>26}  {'met' if ok else 'NOT MET'}")
    return verdicts


# =============================================================================================
# The driver
# =============================================================================================


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 900], help="generated corpus sizes (articles)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and presses")
    parser.add_argument("--rounds", type=int, help="first-paint rounds on the bundled story (default 10, quick 3)")
    parser.add_argument("--presses", type=int, help="presses per key (default 50, quick 20)")
    parser.add_argument("--seed", type=int, default=20250502)
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the kato-tui checkout to measure (default: this one)")
    parser.add_argument("--json", action="store_true", help="print the raw measurements as JSON too")
    parser.add_argument("--first-paint", action="store_true", help="measure the first paint only, not the keys")
    parser.add_argument("--keys-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.keys_child:
        print(json.dumps(keys_child(json.loads(args.keys_child))))
        return 0

    sys.path.insert(0, str(HERE))
    from bench_analysis import generate_corpus

    tree = args.tree.resolve()
    rounds = args.rounds or (3 if args.quick else 10)
    presses = args.presses or (20 if args.quick else 50)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs (shared: expect noise; runs alternated, medians), "
          f"{COLS}x{ROWS}, checkout {tree}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="kato-bench-ui-") as tmp:
        scratch = Path(tmp)
        corpora = [("bundled", tree / "corpus", rounds)]
        for size in args.sizes:
            folder = scratch / f"articles-{size}"
            generate_corpus(folder, size, args.seed)
            corpora.append((str(size), folder, max(1, rounds // (2 if size < 500 else 3))))
        largest = max(args.sizes, default=None)
        for name, folder, n in corpora:
            busy = largest is not None and name == str(largest)
            timeout = 30.0 if name == "bundled" else 30.0 + int(name) / 10
            results.append(measure_corpus(name, folder, tree, scratch, n, presses, busy, timeout, not args.first_paint))
            shutil.rmtree(scratch / f"cache-{name}", ignore_errors=True)
    verdicts = report(results)
    if args.json:
        print(json.dumps(results, indent=1))
    return 0 if all(ok for *_, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
