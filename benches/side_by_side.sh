#!/usr/bin/env bash
# closer and tui-journal side by side, on the same journal, the way a person compares them.
#
# Run it:
#
#     bash benches/side_by_side.sh            # 10,000 entries
#     bash benches/side_by_side.sh 100000
#
# What it does:
#
# 1. Builds closer (`cargo build --release`), or uses the binary in CLOSER_BIN when that is set.
# 2. Installs tui-journal (`tjournal`) into target/tui-journal when it is not there yet
#    (`cargo install --locked tui-journal --root target/tui-journal`; a few minutes, once).
# 3. Makes one journal of N entries in target/side-by-side/<N>/ (made again on every run, from a
#    fixed seed; the dates go back from today, so they move with the day): N entries on about
#    N/2 days, one or two a day, each a title of two to five words, 600–1,500 characters of
#    plain sentences and one to three tags; about one entry in thirty has the rare word
#    "quince". It is written as tui-journal's JSON back-end file (one JSON array, the format of
#    tests/data/import/README.md) and given to closer with `closer import` of that same file,
#    so both hold the same entries.
# 4. Runs each app in a pseudo-terminal of 160×48 with its own HOME and XDG folders inside the
#    work folder (nothing of the machine's own settings or journals is read or touched).
#    tui-journal gets a config.toml (in its XDG config folder, also given with -c) choosing its
#    JSON back end and that file; closer gets --data-dir and an empty config folder.
# 5. Starts each app once, not measured: closer's first start asks one question (answered with
#    Enter), and its first save of a day starts the day's backup of the whole journal on a
#    thread of its own; that save is made then, and the backup waited for, so that no run
#    carries it. Then five runs, each app once per run, in turn, the disk synced before each;
#    the table gives the medians, then every run's numbers.
#
# What each number means. A time ends at the last byte that changed the screen, once the
# screen has then stayed the same for 150 ms: drawn, and still. A write that changes nothing
# on the screen does not count (closer redraws about every 25 ms while it reads the journal
# and every 400 ms when idle, each time writing only a style reset). A time "from spawn" starts
# just before the process is started; a key's time, just before the key is written.
#
# - first screen: spawn to the first still screen. tui-journal reads its whole file before its
#   first frame, so its first screen is its list. closer draws home first and reads the
#   journal on a thread of its own; home counts the days read ("Reading your journal… N of M
#   days") until the whole journal is read, so its first still screen is home with the
#   journal read, not its first frame (about 10 ms: `cargo bench --bench budgets`, "first
#   frame"; review's first page: `cargo bench --bench load`). Hence the next row.
# - closer: review list shown (from spawn): closer started again, `r` pressed as soon as home
#   is drawn, until the review list says "N entries" and is still: when closer can be used on
#   the whole journal.
# - list key: `j` (next entry; both apps use j/k) in the list: closer's review list,
#   tui-journal's list (which also shows the entry's text beside it).
# - search, one letter: closer's review search (`/`, then `q`) looks for the letter in every
#   entry's whole text; tui-journal's only search as you type is its fuzzy find (`F`, then
#   `q`), over titles only. The letter is what is timed; how many entries matched is printed.
# - search, rare word: closer's review search with "quinc" already typed, then `e`, the
#   keystroke that makes it "quince" (closer narrows the previous results); tui-journal's
#   filter (`f`, Tab to its Content box, "quince" typed), then Enter, which applies it over all
#   entries. Both must find the entries that have the word (checked against the generated
#   file).
# - save: one small edit of the newest entry, timed from the key that confirms it. closer: the
#   review list's top entry (`g`), `e` (edit), a mood digit, then Ctrl-S (saves, back to the
#   list). tui-journal: its top entry (Home), `e` (its dialog of title, date, tags, priority),
#   one letter added to the title, then Enter (saves, closes the dialog). The files are read
#   after every run to check that the change was written. (tui-journal's dialog keeps only
#   the date, so its save also sets the entry's time to midnight.)
# - peak memory: VmHWM of the process (from /proc/<pid>/status) after all of the above.
#
# Caveats: "still for 150 ms" is what a person sees, not a criterion-grade measure. A time
# includes the pty and this script's reading of it (well under a millisecond), and a time is
# only as fine as the moment the bytes arrive; anything else running on the machine goes
# straight into it (run it on an idle machine and read every run's numbers, not only the
# medians). A frame split into writes more than 150 ms apart would be timed at its first part.
# The two apps do different work for a save (closer rewrites one day file and syncs it to disk;
# tui-journal reads its whole JSON file again and rewrites it in place, without a sync) and for
# a search (see above): that is the comparison, not a flaw in it. Linux only (/proc, pty
# ioctls); needs python3, nothing else.
set -euo pipefail

die() { echo "side_by_side: $*" >&2; exit 1; }

N="${1:-10000}"
[[ "$N" =~ ^[0-9]+$ ]] && (( N >= 10 )) \
    || die "the number of entries must be a whole number of at least 10 (got '$N')"
command -v python3 >/dev/null || die "python3 is needed"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# 1. closer
if [[ -n "${CLOSER_BIN:-}" ]]; then
    [[ -x "$CLOSER_BIN" ]] || die "CLOSER_BIN=$CLOSER_BIN is not an executable file"
    CLOSER="$(cd "$(dirname "$CLOSER_BIN")" && pwd)/$(basename "$CLOSER_BIN")"
else
    echo "building closer (cargo build --release)…"
    cargo build --release || die "cargo build --release failed"
    CLOSER="$ROOT/target/release/closer"
fi

# 2. tui-journal
TJ="$ROOT/target/tui-journal/bin/tjournal"
if [[ ! -x "$TJ" ]]; then
    echo "installing tui-journal into target/tui-journal (once; a few minutes)…"
    cargo install --locked tui-journal --root "$ROOT/target/tui-journal" \
        || die "cargo install --locked tui-journal failed"
    [[ -x "$TJ" ]] || die "tui-journal installed, but $TJ is not there"
fi

# 3.–6. in python: the journal, the pty, the clock.
exec python3 - "$N" "$CLOSER" "$TJ" "$ROOT/target/side-by-side/$N" <<'PY'
import codecs, datetime, fcntl, json, os, platform, re, select, shutil, signal, statistics
import struct, subprocess, sys, termios, time
import random

N = int(sys.argv[1]); CLOSER = sys.argv[2]; TJ = sys.argv[3]; WORK = sys.argv[4]
ROWS, COLS = 48, 160
RUNS = 5
QUIET = 0.150          # seconds a screen must stay the same to be "still"
TIMEOUT = 60.0         # the longest any screen may take
RARE = "quince"        # the rare word searched for
LETTER = "q"           # the one letter searched for


class Failure(Exception):
    pass


def fail(msg):
    raise Failure(msg)


# ---------------------------------------------------------------- the journal (step 3)

def generate(n, path):
    """n entries, the same for a given n and day: tui-journal's JSON back-end file."""
    rng = random.Random(20261130)
    subjects = ["I", "We", "My partner", "Sam", "Alex", "The two of us", "My sister", "Nobody",
                "Everyone at work", "Mum"]
    verbs = ["walked to", "talked about", "forgot", "remembered", "cooked", "argued about",
             "laughed at", "planned", "cleaned", "read about", "worried about", "finished",
             "started", "fixed", "missed", "looked for", "wrote down", "listened to",
             "thought about", "bought"]
    objects = ["the garden", "dinner", "the old car", "a long letter", "the weekend",
               "our budget", "the kitchen", "a new book", "the train home", "the neighbours",
               "a birthday present", "the leaking tap", "the holiday photos", "a quiet evening",
               "the dentist", "the rent", "a film", "the market", "the river path",
               "the children's school", "breakfast", "the bills", "a podcast", "the shopping"]
    tails = ["before it got dark", "after a long day", "without saying much",
             "and it felt good", "although I was tired", "for the first time in weeks",
             "while it rained", "in the morning", "late at night",
             "with more patience than usual", "and then we went to bed", "as usual",
             "because nobody else would", "slowly", "and I am not sure why",
             "over a cup of tea"]
    adjs = ["calm", "tense", "warm", "distant", "hopeful", "tired", "grateful", "restless",
            "light", "heavy", "quiet", "busy", "honest", "awkward", "gentle", "sharp"]
    feel = ["It was a {a} day.", "Everything felt {a} today.", "The evening was {a}.",
            "I felt {a} and a little {b}.", "Later it turned {a}.", "Tomorrow may feel {a}."]
    # Rare words: about one sentence in fifty gets one of these twelve, so each is in about
    # one entry in sixty.
    rare = ["quince", "marmalade", "harpsichord", "lighthouse", "origami", "saffron",
            "zeppelin", "tangerine", "kaleidoscope", "walrus", "juniper", "obsidian"]
    title_words = ["Morning", "Evening", "Quiet", "Long", "Short", "Good", "Hard", "Slow",
                   "Busy", "Rainy", "Sunny", "Late", "Early", "Strange", "Simple", "Warm",
                   "Cold", "Odd"]
    title_nouns = ["walk", "talk", "dinner", "day", "weekend", "call", "visit", "plan", "list",
                   "surprise", "argument", "letter", "trip", "drive", "start", "ending", "hour",
                   "note"]
    with_whom = ["Sam", "Alex", "friends", "the family", "my partner"]
    tag_pool = ["work", "family", "health", "home", "friends", "money", "travel", "food",
                "reading", "garden"]

    def sentence():
        if rng.random() < 0.25:
            return rng.choice(feel).format(a=rng.choice(adjs), b=rng.choice(adjs))
        s = "%s %s %s %s." % (rng.choice(subjects), rng.choice(verbs), rng.choice(objects),
                              rng.choice(tails))
        if rng.random() < 0.02:
            s = s[:-1] + ", and somehow a %s came up." % rng.choice(rare)
        return s

    def content():
        target = rng.randint(600, 1500)
        paras, cur, size = [], [], 0
        while size < target:
            s = sentence()
            cur.append(s)
            size += len(s) + 1
            if len(cur) >= rng.randint(3, 7):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        return "\n\n".join(paras)

    today = datetime.datetime.now(datetime.timezone.utc).date()
    entries, day = [], 0
    while len(entries) < n:
        d = today - datetime.timedelta(days=day)
        per_day = 2 if rng.random() < 0.85 else 1
        for k in range(per_day):
            if len(entries) >= n:
                break
            # Times in the first hour of the day (UTC), so that even today's are in the past.
            minute = rng.randint(0, 29) if k == 0 else rng.randint(30, 59)
            title = "%s %s" % (rng.choice(title_words), rng.choice(title_nouns))
            if rng.random() < 0.4:
                title += " with " + rng.choice(with_whom)
            entries.append({
                "id": 0,
                "date": "%sT00:%02d:00Z" % (d.isoformat(), minute),
                "title": title,
                "content": content(),
                "tags": rng.sample(tag_pool, rng.randint(1, 3)),
                "priority": rng.choice([None, None, None, 1, 2, 3]),
            })
        day += 1
    entries.reverse()                  # the file is in creation order: oldest first
    for i, e in enumerate(entries):
        e["id"] = i
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(entries, ensure_ascii=False, separators=(",", ":")))
    return entries, day


# ---------------------------------------------------------------- a screen, enough of one

class Screen:
    """Just enough of a terminal to read what an app shows: cursor moves, text and its style
    (as the SGR sequences in force, not interpreted), clears. feed() says whether any cell
    changed: a redraw that writes no cell (closer's idle one: styles reset, cursor hidden)
    changes nothing a person can see."""

    BLANK = (" ", "")

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.grid = [[self.BLANK] * cols for _ in range(rows)]
        self.r = self.c = 0
        self.attr = ""
        self.changed = False
        self.dec = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending = ""

    def text(self):
        return "\n".join("".join(ch for ch, _ in row).rstrip() for row in self.grid)

    def _blank(self, r, c0, c1):
        row = self.grid[r]
        for c in range(c0, c1):
            if row[c] != self.BLANK:
                row[c] = self.BLANK
                self.changed = True

    def feed(self, data):
        """Takes output; returns whether what is on the screen changed."""
        self.changed = False
        self._feed(data)
        return self.changed

    def _feed(self, data):
        s = self.pending + self.dec.decode(data)
        self.pending = ""
        i, n = 0, len(s)
        while i < n:
            ch = s[i]
            if ch == "\x1b":
                if i + 1 >= n:
                    self.pending = s[i:]
                    return
                nxt = s[i + 1]
                if nxt == "[":
                    m = re.compile(r"\[([0-9;?<=>]*)[ -/]*([@-~])").match(s, i + 1)
                    if not m:
                        self.pending = s[i:]
                        return
                    self.csi(m.group(1), m.group(2))
                    i = m.end()
                    continue
                if nxt == "]":               # OSC: up to BEL or ST
                    j = s.find("\x07", i)
                    k = s.find("\x1b\\", i)
                    ends = [x for x in (j, k) if x != -1]
                    if not ends:
                        self.pending = s[i:]
                        return
                    e = min(ends)
                    i = e + (1 if e == j else 2)
                    continue
                if nxt in "()*+":
                    i += 3
                    continue
                i += 2
                continue
            if ch == "\r":
                self.c = 0
            elif ch == "\n":
                self.r = min(self.r + 1, self.rows - 1)
            elif ch == "\b":
                self.c = max(self.c - 1, 0)
            elif ch >= " ":
                if self.c < self.cols and self.grid[self.r][self.c] != (ch, self.attr):
                    self.grid[self.r][self.c] = (ch, self.attr)
                    self.changed = True
                self.c += 1
            i += 1

    def csi(self, params, final):
        if params.startswith(("?", ">", "<", "=")):
            return
        p = [int(x) if x else 0 for x in params.split(";")] if params else []
        a = p[0] if p else 0
        if final in "Hf":
            self.r = min(max((p[0] if p and p[0] else 1) - 1, 0), self.rows - 1)
            self.c = min(max((p[1] if len(p) > 1 and p[1] else 1) - 1, 0), self.cols - 1)
        elif final == "m":
            self.attr = "" if params in ("", "0") else self.attr + ";" + params
        elif final == "J":
            if a == 2 or a == 3:
                for r in range(self.rows):
                    self._blank(r, 0, self.cols)
            elif a == 0:
                self._blank(self.r, min(self.c, self.cols), self.cols)
                for r in range(self.r + 1, self.rows):
                    self._blank(r, 0, self.cols)
        elif final == "K":
            if a == 0:
                self._blank(self.r, min(self.c, self.cols), self.cols)
            elif a == 2:
                self._blank(self.r, 0, self.cols)
        elif final == "A":
            self.r = max(self.r - (a or 1), 0)
        elif final == "B":
            self.r = min(self.r + (a or 1), self.rows - 1)
        elif final == "C":
            self.c = min(self.c + (a or 1), self.cols - 1)
        elif final == "D":
            self.c = max(self.c - (a or 1), 0)
        elif final == "G":
            self.c = min(max((a or 1) - 1, 0), self.cols - 1)
        elif final == "d":
            self.r = min(max((a or 1) - 1, 0), self.rows - 1)


# ---------------------------------------------------------------- an app in a pty (step 5)

def _child_setup():
    os.setsid()                                   # a session of its own, whose
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)          # controlling terminal is the pty


class App:
    def __init__(self, name, argv, env, cwd):
        self.name = name
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.fd = master
        self.screen = Screen(ROWS, COLS)
        self.t_spawn = time.monotonic()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     cwd=cwd, preexec_fn=_child_setup, close_fds=True)
        os.close(slave)
        self.t_change = None     # when the last byte that changed the screen came
        self.t_mark = self.t_spawn
        self.closed = False

    def _read(self, timeout):
        """Reads what is there within timeout; answers the terminal queries a real terminal
        would (cursor position, device attributes) so that no app waits for them."""
        if self.closed:
            time.sleep(timeout)
            return
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        now = time.monotonic()
        if not data:
            self.closed = True
            return
        if self.screen.feed(data):
            self.t_change = now
        if b"\x1b[6n" in data:
            os.write(self.fd, b"\x1b[%d;%dR" % (self.screen.r + 1, self.screen.c + 1))
        if b"\x1b[c" in data or b"\x1b[0c" in data:
            os.write(self.fd, b"\x1b[?62;22c")

    def mark(self):
        self.t_mark = time.monotonic()

    def send(self, keys):
        """Writes keys; returns the moment just before the write."""
        self.mark()
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        return self.t_mark

    def still(self, what, until=None, need_change=True):
        """Waits until the screen has changed since mark() (unless need_change is False),
        `until` (a regex, or a function of the screen's text) holds, and then the screen
        stayed as it was for QUIET. Returns when the last byte that changed it came."""
        def ok():
            if need_change and (self.t_change is None or self.t_change < self.t_mark):
                return False
            if until is None:
                return True
            txt = self.screen.text()
            return bool(re.search(until, txt)) if isinstance(until, str) else until(txt)
        while True:
            now = time.monotonic()
            if now - self.t_mark > TIMEOUT:
                self.fail("%s: not on the screen within %d s" % (what, TIMEOUT))
            if self.closed or self.proc.poll() is not None:
                self._read(0.05)
                self.fail("%s: %s exited (status %s)" % (what, self.name, self.proc.poll()))
            last = max(self.t_change or 0.0, self.t_mark)
            if ok() and now - last >= QUIET:
                return self.t_change
            self._read(max(QUIET - (now - last), 0.001) if ok() else 0.05)

    def settle(self, what, until=None):
        """For keys that are not timed: waits for their screen, still (a key may change
        nothing on it)."""
        self.still(what, until, need_change=False)

    def timed(self, keys, what, until=None):
        """Writes keys; milliseconds from the write to the last byte that changed the
        screen."""
        t = self.send(keys)
        return (self.still(what, until) - t) * 1000.0

    def from_spawn(self, what, until=None):
        return (self.still(what, until) - self.t_spawn) * 1000.0

    def search(self, pattern):
        return re.search(pattern, self.screen.text())

    def peak_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        self.fail("no VmHWM in /proc/%d/status" % self.proc.pid)

    def fail(self, msg):
        screen = self.screen.text()
        self.kill()
        fail("%s\n--- %s's screen was:\n%s\n---" % (msg, self.name, screen))

    def quit(self, keys):
        """Asks the app to leave, then makes sure it has: no process is left behind."""
        try:
            if self.proc.poll() is None and not self.closed:
                os.write(self.fd, keys)
            end = time.monotonic() + 5
            while self.proc.poll() is None and time.monotonic() < end:
                self._read(0.05)
        except OSError:
            pass
        self.kill()

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
            self.closed = True


LIVE = []   # the app of the moment, killed on any failure


def start(name, argv, env, cwd):
    app = App(name, argv, env, cwd)
    LIVE.append(app)
    return app


def env_for(home):
    """A clean environment: nothing of this shell's HOME, XDG folders or CLOSER_* settings."""
    e = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "XDG_STATE_HOME": os.path.join(home, ".local", "state"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
    }
    for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.makedirs(e[k], exist_ok=True)
    return e


# ---------------------------------------------------------------- one run of each app

def newest_closer_entry(data_dir, day):
    path = os.path.join(data_dir, "entries", day[:4], day + ".json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return max(doc["entries"], key=lambda e: e["created_at"])


HOME_DRAWN = r"(?s)closer · home.*q quit"      # home's title and its keys line at the bottom


def closer_ready(ctx):
    """Spawn to the review list: `r` as soon as home is drawn (not waiting for it to be still,
    which would add the 150 ms of quiet), then until the list says "N entries" and is still."""
    app = start("closer", [CLOSER, "--data-dir", ctx["closer_data"]], ctx["closer_env"], WORK)
    while not re.search(HOME_DRAWN, app.screen.text()):
        if time.monotonic() - app.t_spawn > TIMEOUT:
            app.fail("closer's home: not on the screen within %d s" % TIMEOUT)
        if app.closed or app.proc.poll() is not None:
            app.fail("closer's home: closer exited (status %s)" % app.proc.poll())
        app._read(0.01)
    app.send("r")
    times = app.from_spawn("closer's review list", r"(?m)^ %d entries" % N)
    app.quit(b"\x03")
    LIVE.remove(app)
    return times


def closer_save(app, ctx, mood):
    """In the review list: the newest entry, `e`, the mood digit, then Ctrl-S (timed). Checks
    the day file."""
    app.send("g")                                     # the top: the newest entry
    app.settle("closer: g")
    app.send("e")
    app.settle("closer: editing the newest entry", r"closer · editing")
    app.send(str(mood))
    app.settle("closer: mood %d set" % mood)
    times = app.timed("\x13", "closer: Ctrl-S", r"closer · review")
    saved = newest_closer_entry(ctx["closer_data"], ctx["newest_day"])
    if saved.get("mood") != mood:
        app.fail("closer: Ctrl-S did not save: the newest entry (%s) has mood %r, not %d"
                 % (saved.get("id"), saved.get("mood"), mood))
    return times


def closer_run(run, ctx):
    os.sync()                       # neither app's save pays for the other's unwritten data
    res = {"ready": closer_ready(ctx)}
    app = start("closer", [CLOSER, "--data-dir", ctx["closer_data"]], ctx["closer_env"], WORK)
    res["first"] = app.from_spawn("closer's first screen", HOME_DRAWN)
    app.send("r")
    app.settle("closer's review list", r"(?m)^ %d entries" % N)
    res["j"] = app.timed("j", "closer: j in the review list", r"(?m)^ %d entries" % N)
    app.send("/")
    app.settle("closer: the search line", r"Search:")
    res["letter"] = app.timed(LETTER, "closer: search '%s'" % LETTER,
                              r"Search: %s\W*\s+\d+ of %d entries" % (LETTER, N))
    res["letter_hits"] = int(app.search(r"Search: %s\W*\s+(\d+) of" % LETTER).group(1))
    app.send(RARE[1:-1])
    app.settle("closer: search '%s'" % RARE[:-1], r"Search: %s\W*\s+\d+ of" % RARE[:-1])
    res["rare"] = app.timed(RARE[-1], "closer: search '%s'" % RARE,
                            r"Search: %s\W*\s+\d+ of %d entries" % (RARE, N))
    res["rare_hits"] = int(app.search(r"Search: %s\W*\s+(\d+) of" % RARE).group(1))
    app.send("\x1b")                                  # Esc: clear the search, back to the list
    app.settle("closer: search cleared", r"(?m)^ %d entries" % N)
    res["save"] = closer_save(app, ctx, 1 + run % 5)  # a different mood on every run
    res["peak"] = app.peak_kib()
    app.quit(b"\x03")                                 # Ctrl-C: quit closer
    LIVE.remove(app)
    return res


# The edit dialog's title, on its border (the footer says "Edit journal content" too).
EDIT_DIALOG = r"┌Edit journal"


def tj_argv(ctx):
    return [TJ, "-c", ctx["tj_config_dir"], "-l", os.path.join(WORK, "tui-journal.log")]


def tj_run(run, ctx):
    os.sync()
    res = {}
    app = start("tui-journal", tj_argv(ctx), ctx["tj_env"], WORK)
    # Its list shows "selected/total" under it.
    res["first"] = app.from_spawn("tui-journal's first screen", r"\b1/%d\b" % N)
    res["j"] = app.timed("j", "tui-journal: j in the list", r"\b2/%d\b" % N)
    app.send("F")                                     # fuzzy find (titles)
    app.settle("tui-journal: fuzzy find", r"Fuzzy Find")
    res["letter"] = app.timed(LETTER, "tui-journal: fuzzy find '%s'" % LETTER,
                              r"Entries: \d+")
    res["letter_hits"] = int(app.search(r"Entries: (\d+)").group(1))
    app.send("\x1b")
    app.settle("tui-journal: fuzzy find closed", lambda s: "Fuzzy Find" not in s)
    app.send("f")                                     # filter: title, content, priority, tags
    app.settle("tui-journal: filter", r"Matching Logic")
    app.send("\t")                                    # to the Content box
    app.settle("tui-journal: filter, Content box")
    app.send(RARE)
    app.settle("tui-journal: '%s' typed" % RARE, RARE)
    res["rare"] = app.timed("\r", "tui-journal: filter on '%s'" % RARE,
                            lambda s: "Matching Logic" not in s and "Journals - Filtered" in s)
    found = app.search(r"\b\d+/(\d+)\b")           # "selected/total" (none when total is 0)
    res["rare_hits"] = int(found.group(1)) if found else 0
    app.send("x")                                     # the filter off
    app.settle("tui-journal: filter off", r"\b\d+/%d\b" % N)
    app.send("\x1b[H")                                # Home: the top entry, the newest
    app.settle("tui-journal: Home", r"\b1/%d\b" % N)
    app.send("e")
    app.settle("tui-journal: edit dialog", EDIT_DIALOG)
    with open(ctx["tj_file"], encoding="utf-8") as f:
        before = {e["id"]: e for e in json.load(f)}
    letter = "abcde"[run % 5]
    app.send(letter)
    app.settle("tui-journal: title typed")
    res["save"] = app.timed("\r", "tui-journal: Enter in the edit dialog",
                            lambda s: not re.search(EDIT_DIALOG, s))
    with open(ctx["tj_file"], encoding="utf-8") as f:
        after = {e["id"]: e for e in json.load(f)}
    changed = [i for i in after if after[i] != before.get(i)]
    if len(changed) != 1 or after[changed[0]]["title"] != before[changed[0]]["title"] + letter:
        app.fail("tui-journal: Enter did not save one title with %r added (entries changed: %s)"
                 % (letter, changed))
    res["peak"] = app.peak_kib()
    app.quit(b"q")
    LIVE.remove(app)
    return res


# ---------------------------------------------------------------- the work folder (3, 4)

def du(path):
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    return total


def prepare():
    if os.path.isdir(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    tj_file = os.path.join(WORK, "tui-journal", "entries.json")
    os.makedirs(os.path.dirname(tj_file))
    print("making the journal: %d entries…" % N, flush=True)
    entries, days = generate(N, tj_file)
    source = os.path.join(WORK, "journal.tui-journal.json")   # what closer imports: the same
    shutil.copyfile(tj_file, source)
    rare_expected = sum(RARE in e["content"].lower() or RARE in e["title"].lower()
                        for e in entries)
    newest = max(entries, key=lambda e: e["date"])

    closer_home = os.path.join(WORK, "closer-home")
    closer_env = env_for(closer_home)          # its XDG_CONFIG_HOME: an empty folder
    closer_data = os.path.join(WORK, "closer-data")
    print("closer import of the same file…", flush=True)
    p = subprocess.run([CLOSER, "--data-dir", closer_data, "import", source],
                       env=closer_env, cwd=WORK, capture_output=True, text=True)
    if p.returncode != 0:
        fail("closer import failed (%d):\n%s%s" % (p.returncode, p.stdout, p.stderr))
    if "Added %d entries" % N not in p.stdout:
        fail("closer import did not add %d entries:\n%s%s" % (N, p.stdout, p.stderr))
    os.chmod(closer_data, 0o700)               # as closer would make it (doctor asks for it)
    ctx = {"days": days, "rare_expected": rare_expected, "newest_day": newest["date"][:10],
           "closer_env": closer_env, "closer_data": closer_data}
    # A start before the runs. closer's first start asks one question (whose side of the
    # distance); it is answered with Enter, so that every measured start is an ordinary one at
    # home. Then one save: closer writes its daily backup of the whole journal on a thread of its
    # own after the first save of a day, which would otherwise land in the first run only.
    print("a first start of each app (not measured)…", flush=True)
    app = start("closer", [CLOSER, "--data-dir", closer_data], closer_env, WORK)
    app.still("closer's first screen", r"Welcome to closer|closer · home")
    if "Welcome to closer" in app.screen.text():
        app.send("\r")
        app.settle("closer's home after the first-run question", HOME_DRAWN)
    app.send("r")
    app.settle("closer's review list", r"(?m)^ %d entries" % N)
    closer_save(app, ctx, 5)
    # closer does not wait for that backup when it quits (a quit within a second or so of the
    # first save leaves a .tmp in closer-backups and no backup), so wait for it here.
    backups = os.path.join(WORK, "closer-backups")
    while not (os.path.isdir(backups) and any(f.startswith("closer-backup-") and
                                               f.endswith(".tar.gz") for f in os.listdir(backups))):
        if time.monotonic() - app.t_mark > TIMEOUT:
            app.fail("closer's daily backup was not written within %d s" % TIMEOUT)
        app._read(0.05)
    app.quit(b"\x03")
    LIVE.remove(app)

    tj_home = os.path.join(WORK, "tj-home")
    tj_env = env_for(tj_home)
    tj_config_dir = os.path.join(tj_env["XDG_CONFIG_HOME"], "tui-journal")
    os.makedirs(tj_config_dir)
    with open(os.path.join(tj_config_dir, "config.toml"), "w") as f:
        f.write('backend_type = "Json"\n'
                'app_state_dir = %s\n'
                'sync_os_clipboard = false\n\n'
                '[json_backend]\n'
                'file_path = %s\n\n'
                '[export]\n'
                'default_path = %s\n'
                % (json.dumps(os.path.join(tj_home, "state")), json.dumps(tj_file),
                   json.dumps(os.path.join(tj_home, "export"))))
    ctx.update({
        "tj_env": tj_env, "tj_config_dir": tj_config_dir, "tj_file": tj_file,
        "tj_bytes": os.path.getsize(tj_file),
        "closer_bytes": du(os.path.join(closer_data, "entries")),
    })
    app = start("tui-journal", tj_argv(ctx), tj_env, WORK)
    app.still("tui-journal's first screen", r"\b1/%d\b" % N)
    app.quit(b"q")
    LIVE.remove(app)
    return ctx


def version(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return "?"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main():
    ctx = prepare()
    runs = {"closer": [], "tj": []}
    for run in range(RUNS):
        print("run %d of %d…" % (run + 1, RUNS), flush=True)
        runs["closer"].append(closer_run(run, ctx))
        runs["tj"].append(tj_run(run, ctx))

    for name, side in runs.items():
        hits = {r["rare_hits"] for r in side}
        if hits != {ctx["rare_expected"]}:
            fail("%s found %s entries with '%s'; the journal has %d"
                 % (name, sorted(hits), RARE, ctx["rare_expected"]))

    def med(side, key):
        return statistics.median(r[key] for r in runs[side])

    def ms(v):
        return "%.1f ms" % v if v < 100 else "%.0f ms" % v

    def mb(kib):
        return "%.1f MB" % (kib * 1024 / 1e6)

    rows = [
        ("first screen (from spawn)", "first", ms),
        ("closer: review list shown (from spawn)", "ready", ms),
        ("list key j", "j", ms),
        ("search, one letter '%s'" % LETTER, "letter", ms),
        ("search, rare word '%s'" % RARE, "rare", ms),
        ("save: edit the newest entry", "save", ms),
        ("peak memory (VmHWM)", "peak", mb),
    ]
    print()
    print("closer and tui-journal side by side: %d entries on %d days, a %d×%d pty, "
          "median of %d runs" % (N, ctx["days"], COLS, ROWS, RUNS))
    print("machine: %s cores (nproc), %s, %s" % (
        len(os.sched_getaffinity(0)), cpu_model(),
        " ".join(platform.uname()[i] for i in (0, 2))))
    print("versions: %s; %s" % (version([CLOSER, "--version"]), version([TJ, "--version"])))
    print("on disk: closer %.1f MB of day files, tui-journal %.1f MB in one JSON file"
          % (ctx["closer_bytes"] / 1e6, ctx["tj_bytes"] / 1e6))
    print()
    w = max(len(r[0]) for r in rows)
    line = "| %-*s | %11s | %11s | %19s |"
    print(line % (w, "what", "closer", "tui-journal", "ratio (tj / closer)"))
    print("|%s|%s|%s|%s|" % ("-" * (w + 2), "-" * 13, "-" * 13, "-" * 21))
    for label, key, fmt in rows:
        c = med("closer", key)
        if key == "ready":
            print(line % (w, label, fmt(c), "—", "—"))
            continue
        t = med("tj", key)
        print(line % (w, label, fmt(c), fmt(t), "%.1f×" % (t / c) if c > 0 else "—"))
    print()
    print("What was timed: to the last byte that changed the screen, once it stayed the same for"
          " %d ms." % (QUIET * 1000))
    print("- first screen: closer's home once it stops counting the days read (the journal"
          " read); tui-journal's list (its file already read).")
    print("- review list shown: closer started again, r pressed as soon as home is drawn, until"
          " the list says \"%d entries\"." % N)
    print("- list key: j once, in closer's review list and in tui-journal's list.")
    print("- one letter: closer / then '%s', over the whole text (%d of %d entries match);"
          " tui-journal F then '%s', fuzzy find over titles only (%d match)."
          % (LETTER, runs["closer"][0]["letter_hits"], N, LETTER, runs["tj"][0]["letter_hits"]))
    print("- rare word: closer with '%s' typed, then '%s'; tui-journal f, Tab, '%s', then Enter"
          " (its content filter). Both found the %d entries that have it."
          % (RARE[:-1], RARE[-1], RARE, ctx["rare_expected"]))
    print("- save: closer g, e, a mood digit, then Ctrl-S (one day file written and synced);"
          " tui-journal Home, e, a letter added to the title, then Enter (its whole file read"
          " and written, not synced). Both files checked after every run.")
    print("- peak memory: VmHWM after all of the above.")
    backups = os.path.join(WORK, "closer-backups")
    print("- before the runs each app was started once, not measured; closer's daily backup"
          " (written after the first save of a day) was made then, not in a run: %s."
          % ", ".join(sorted(os.listdir(backups))))
    print()
    print("Every run (ms, or MB):")
    for label, key, fmt in rows:
        for side, name in (("closer", "closer"), ("tj", "tui-journal")):
            if key == "ready" and side == "tj":
                continue
            vals = ["%.1f" % (r[key] * 1024 / 1e6 if key == "peak" else r[key])
                    for r in runs[side]]
            print("  %-*s  %-11s %s" % (w, label, name, "  ".join("%7s" % v for v in vals)))


signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))   # so that `finally` still runs
signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
try:
    main()
except Failure as e:
    print("side_by_side: %s" % e, file=sys.stderr)
    sys.exit(1)
except KeyboardInterrupt:
    print("side_by_side: interrupted", file=sys.stderr)
    sys.exit(130)
finally:
    for app in LIVE:
        app.kill()
PY
