"""Start-up benchmark for the polchan CLI.

Runs every command below in one process, round-robin (one run of each command per
round, after one warm-up round), and prints a Markdown table with the median wall time,
the min-max range, the peak RSS and the ratio of each polchan figure to its baseline
from the same run, followed by the project's targets marked PASS or FAIL.

Wall time and peak RSS are taken by a tiny wrapper process (see ``WRAPPER``) that
``fork()``s, ``exec``s the command and ``os.wait4()``s it. The wrapper is needed because
Linux carries the RSS of the address space a process ``exec``s from into its
``ru_maxrss``: a child started straight from this script (``subprocess`` uses
``vfork``) reports at least this script's own RSS, whatever the child does. The
wrapper's start-up is not timed.

Usage (from the project root)::

    .venv/bin/python bench/bench.py [--runs N] [--quick] [--markdown FILE]

Standard library only; POSIX only (``os.fork``). See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_PGEOCODE_DATA = PROJECT_ROOT.parent / "shared" / "bench" / "pgeocode"
MIB = 1024 * 1024

# Runs argv[2:] in a forked child, waits for it with os.wait4 and writes
# "<exit code> <ru_maxrss> <wall ns>" to the file argv[1]. The child's stdin, stdout
# and stderr are the wrapper's. Forking from this small process keeps the inherited
# RSS floor of the child (the wrapper's anonymous memory, about 5 MB) well below that
# of any Python program.
WRAPPER = """\
import os, sys, time
t0 = time.perf_counter_ns()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    except BaseException as exc:
        os.write(2, f"bench wrapper: cannot run {sys.argv[2]}: {exc}\\n".encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall_ns = time.perf_counter_ns() - t0
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} {wall_ns}")
"""


@dataclass
class Sample:
    """One measured run of a command."""

    exit_code: int
    wall_s: float
    maxrss_bytes: int
    stdout: str
    stderr: str


@dataclass
class Command:
    """A command to benchmark and the samples collected for it."""

    key: str
    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    expect: str | None = None  # substring the warm-up run's stdout must contain
    baseline: str | None = None  # key of the command this one is compared with
    fresh_cache: bool = False  # point XDG_CACHE_HOME at a new empty directory each run
    batch: bool = False  # runs only in the rounds chosen for the batch command
    samples: list[Sample] = field(default_factory=list)
    skipped: str | None = None  # reason, when the warm-up run failed

    @property
    def times_ms(self) -> list[float]:
        """Wall times of the timed runs, in milliseconds."""
        return [s.wall_s * 1000 for s in self.samples]

    @property
    def median_ms(self) -> float:
        """Median wall time in milliseconds."""
        return statistics.median(self.times_ms)

    @property
    def peak_rss_mb(self) -> float:
        """Highest peak RSS over all timed runs, in MB (2**20 bytes)."""
        return max(s.maxrss_bytes for s in self.samples) / MIB

    @property
    def measured(self) -> bool:
        """Whether the command has timed samples."""
        return self.skipped is None and bool(self.samples)


class Runner:
    """Runs commands through the fork/wait4 wrapper in a private work directory."""

    def __init__(self, workdir: Path, base_env: dict[str, str]) -> None:
        """Use ``workdir`` for result files and fresh caches; ``base_env`` for every run."""
        self.workdir = workdir
        self.base_env = base_env
        self.result_file = workdir / "result.txt"
        self._fresh = 0

    def fresh_dir(self) -> Path:
        """Create and return a new empty directory inside the work directory."""
        self._fresh += 1
        path = self.workdir / f"cold-cache-{self._fresh}"
        path.mkdir()
        return path

    def run(self, command: Command, capture: bool = False) -> Sample:
        """Run ``command`` once; capture stdout only when ``capture`` (else /dev/null)."""
        env = {**self.base_env, **command.env}
        cold_dir = None
        if command.fresh_cache:
            cold_dir = self.fresh_dir()
            env["XDG_CACHE_HOME"] = str(cold_dir)
        self.result_file.unlink(missing_ok=True)
        proc = subprocess.run(
            [sys.executable, "-I", "-S", "-c", WRAPPER, str(self.result_file), *command.argv],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if cold_dir is not None:
            shutil.rmtree(cold_dir, ignore_errors=True)
        stdout = proc.stdout.decode(errors="replace") if capture else ""
        stderr = proc.stderr.decode(errors="replace")
        if proc.returncode != 0 or not self.result_file.exists():
            return Sample(proc.returncode or 1, 0.0, 0, stdout, stderr)
        exit_code, maxrss, wall_ns = (int(x) for x in self.result_file.read_text().split())
        return Sample(exit_code, wall_ns / 1e9, maxrss_to_bytes(maxrss), stdout, stderr)


def maxrss_to_bytes(maxrss: int) -> int:
    """Convert ``ru_maxrss`` to bytes (kilobytes on Linux and BSD, bytes on macOS)."""
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Yield the rows of a polchan data file; the last ``# col<TAB>col`` line is the header."""
    header: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if "\t" in line:
                    header = line.lstrip("# ").split("\t")
                continue
            if line and header:
                yield dict(zip(header, line.split("\t"), strict=False))


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def make_typo(name: str, rng: random.Random) -> str:
    """Return ``name`` with one letter deleted or two neighbouring letters swapped."""
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if rng.random() < 0.5:
        i = rng.choice(letters)
        return name[:i] + name[i + 1 :]
    pairs = [i for i in range(len(name) - 1) if name[i] != name[i + 1]]
    i = rng.choice(pairs)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def make_batch_queries(count: int, seed: int = 42) -> tuple[list[str], dict[str, int]]:
    """Build ``count`` mixed queries from data/places.tsv and data/postcodes.tsv.

    Equal shares of: postcodes, names as written, lower-cased names, names with umlauts
    replaced by ae/oe/ue, and typos (one letter deleted or two swapped); shuffled.
    Returns the queries and the number of queries of each kind.
    """
    rng = random.Random(seed)
    postcodes = sorted({row["postcode"] for row in read_tsv(DATA_DIR / "postcodes.tsv")})
    names = sorted({row["name"] for row in read_tsv(DATA_DIR / "places.tsv") if row.get("name")})
    umlaut_names = [n for n in names if n != n.translate(UMLAUTS)]
    typo_names = [n for n in names if sum(c.isalpha() for c in n) >= 4]
    makers = {
        "postcode": lambda: rng.choice(postcodes),
        "name": lambda: rng.choice(names),
        "lower-cased": lambda: rng.choice(names).lower(),
        "umlauts as ae/oe/ue": lambda: rng.choice(umlaut_names).translate(UMLAUTS),
        "typo": lambda: make_typo(rng.choice(typo_names), rng),
    }
    kinds = [list(makers)[i % len(makers)] for i in range(count)]
    rng.shuffle(kinds)
    queries = [makers[kind]() for kind in kinds]
    return queries, {kind: kinds.count(kind) for kind in makers}


def default_polchan() -> str | None:
    """The polchan script next to ``sys.executable``, else the one on PATH."""
    beside = Path(sys.executable).parent / "polchan"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("polchan")


def resolve_executable(name: str) -> str:
    """Return an absolute path for ``name`` (a path or a command on PATH), or exit."""
    if os.sep in name:
        path = Path(name)
        if path.is_file() and os.access(path, os.X_OK):
            return str(path.absolute())
    elif found := shutil.which(name):
        return found
    sys.exit(f"bench: not an executable: {name}")


def probe(python: str, code: str, env: dict[str, str] | None = None) -> tuple[bool, str]:
    """Run ``python -c code``; return (succeeded, stripped stdout or stderr)."""
    proc = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    return proc.returncode == 0, (proc.stdout if proc.returncode == 0 else proc.stderr).strip()


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, else ``platform.processor()``."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_lines(python: str, polchan: str, env: dict[str, str]) -> list[str]:
    """Describe the machine, the Python measured and the polchan version."""
    _, py_version = probe(python, "import sys; print(sys.version.split()[0])")
    proc = subprocess.run(
        [polchan, "--version"], capture_output=True, text=True, env=env, check=False
    )
    version = proc.stdout.strip() or "polchan version unknown"
    return [
        f"- Machine: {platform.platform()}, {cpu_model()}, {os.cpu_count()} CPUs",
        f"- Python: {py_version} ({python}); bench driver: {platform.python_version()}",
        f"- polchan: {version} ({polchan})",
    ]


def build_commands(
    python: str, polchan: str, batch_file: Path, batch_count: int, pgeocode_dir: Path | None
) -> list[Command]:
    """The benchmark rows, baselines first."""
    complete_env = {"_POLCHAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "polchan find Lün"}
    commands = [
        Command("pass", "python -c pass", [python, "-c", "pass"]),
        Command("typer", 'python -c "import typer"', [python, "-c", "import typer"]),
        Command(
            "rich",
            'python -c "import typer, rich.console, rich.table"',
            [python, "-c", "import typer, rich.console, rich.table"],
        ),
        Command(
            "postcode",
            "polchan find 29221 --json",
            [polchan, "find", "29221", "--json"],
            expect='"Polizei Celle"',
            baseline="typer",
        ),
        Command(
            "celle",
            "polchan find Celle",
            [polchan, "find", "Celle"],
            expect="Polizei Celle",
            baseline="rich",
        ),
        Command(
            "fuzzy",
            "polchan find Cele (fuzzy)",
            [polchan, "find", "Cele"],
            expect="Polizei Celle",
            baseline="rich",
        ),
        Command(
            "winsen",
            "polchan find Winsen --json",
            [polchan, "find", "Winsen", "--json"],
            expect="Winsen",
            baseline="typer",
        ),
        Command("list", "polchan list", [polchan, "list"], expect="Celle", baseline="rich"),
        Command(
            "version",
            "polchan --version",
            [polchan, "--version"],
            expect="polchan",
            baseline="typer",
        ),
        Command(
            "complete",
            "completion: polchan find Lün (zsh)",
            [polchan],
            env=complete_env,
            expect="Lüneburg",
            baseline="typer",
        ),
        Command(
            "cold",
            "polchan find 29221 --json, cold cache",
            [polchan, "find", "29221", "--json"],
            expect='"Polizei Celle"',
            baseline="postcode",
            fresh_cache=True,
        ),
    ]
    # A big batch file is answered by one process per CPU: the same file on one CPU
    # is the baseline that says what the others win.
    taskset = shutil.which("taskset")
    if taskset is not None:
        commands.append(
            Command(
                "batch1",
                f"polchan find --batch FILE ({batch_count:,} queries), one CPU (taskset -c 0)",
                [taskset, "-c", "0", polchan, "find", "--batch", str(batch_file)],
                expect='"query"',
                batch=True,
            )
        )
    commands.append(
        Command(
            "batch",
            f"polchan find --batch FILE ({batch_count:,} queries)",
            [polchan, "find", "--batch", str(batch_file)],
            expect='"query"',
            baseline="batch1" if taskset is not None else None,
            batch=True,
        )
    )
    if pgeocode_dir is not None:
        code = "import pgeocode; print(pgeocode.Nominatim('de').query_postal_code('29221'))"
        commands.append(
            Command(
                "pgeocode",
                "pgeocode: Nominatim('de').query_postal_code('29221')",
                [python, "-c", code],
                env={"PGEOCODE_DATA_DIR": str(pgeocode_dir)},
                expect="Celle",
            )
        )
    return commands


def warm_up(runner: Runner, commands: list[Command]) -> None:
    """Run each command once, untimed; skip those that fail or print something unexpected."""
    for command in commands:
        sample = runner.run(command, capture=True)
        if sample.exit_code != 0:
            command.skipped = f"exit code {sample.exit_code}: {sample.stderr.strip()[-300:]}"
        elif command.expect is not None and command.expect not in sample.stdout:
            command.skipped = f"output lacks {command.expect!r}: {sample.stdout.strip()[:200]!r}"
        if command.skipped:
            print(f"bench: skipping {command.label}: {command.skipped}", file=sys.stderr)


def timed_rounds(runner: Runner, commands: list[Command], runs: int, batch_runs: int) -> None:
    """Round-robin: each round runs every command once (batch only in evenly spaced rounds)."""
    batch_rounds = {i * runs // batch_runs for i in range(batch_runs)}
    active = [c for c in commands if c.skipped is None]
    for round_no in range(runs):
        end = "\r" if sys.stderr.isatty() else "\n"
        print(f"bench: round {round_no + 1}/{runs}", end=end, file=sys.stderr, flush=True)
        for command in active:
            if command.batch and round_no not in batch_rounds:
                continue
            sample = runner.run(command)
            if sample.exit_code != 0:
                sys.exit(f"\nbench: {command.label} failed: {sample.stderr.strip()[-500:]}")
            command.samples.append(sample)
    if sys.stderr.isatty():
        print(file=sys.stderr)


def ratio(value: float, base: float) -> str:
    """Format ``value / base`` as e.g. ``1.23×``."""
    return f"{value / base:.2f}×" if base else "n/a"


def results_table(commands: list[Command]) -> list[str]:
    """The Markdown results table."""
    by_key = {c.key: c for c in commands}
    lines = [
        "| command | runs | median ms | min–max ms | peak RSS MB | baseline "
        "| time × baseline | RSS × baseline |",
        "|---|--:|--:|--:|--:|---|--:|--:|",
    ]
    for c in commands:
        if not c.measured:
            lines.append(f"| {c.label} | 0 | skipped | | | | | |")
            continue
        base = by_key.get(c.baseline) if c.baseline else None
        base_cols = "| — | | "
        if base is not None and base.measured:
            base_cols = (
                f"| {base.label} | {ratio(c.median_ms, base.median_ms)} "
                f"| {ratio(c.peak_rss_mb, base.peak_rss_mb)} "
            )
        times = c.times_ms
        lines.append(
            f"| {c.label} | {len(times)} | {c.median_ms:.1f} | {min(times):.1f}–{max(times):.1f} "
            f"| {c.peak_rss_mb:.1f} {base_cols}|"
        )
    return lines


def targets_table(commands: list[Command]) -> list[str]:
    """The targets from the issue, each with its measured value and PASS, FAIL or n/a."""
    c = {cmd.key: cmd for cmd in commands if cmd.measured}

    def t(key: str) -> float:
        return c[key].median_ms

    def m(key: str) -> float:
        return c[key].peak_rss_mb

    # (target, commands it needs, measured value, met?); lambdas run only when all measured
    def ratio(key: str, baseline: str, limit: float, label: str):
        return (
            f"{label} ≤ {limit}× {'typer' if baseline == 'typer' else 'typer+rich'} import",
            (key, baseline),
            lambda: f"{t(key) / t(baseline):.2f}×",
            lambda: t(key) <= limit * t(baseline),
        )

    targets: list[tuple[str, tuple[str, ...], Callable[[], str], Callable[[], bool]]] = [
        ratio("postcode", "typer", 1.2, "find 29221 --json"),
        ratio("version", "typer", 1.2, "--version"),
        ratio("celle", "rich", 1.2, "find Celle (table)"),
        ratio("complete", "typer", 1.2, "completion of Lün"),
        (
            "find Cele (fuzzy) ≤ 1.4× typer+rich import",
            ("fuzzy", "rich"),
            lambda: f"{t('fuzzy') / t('rich'):.2f}×",
            lambda: t("fuzzy") <= 1.4 * t("rich"),
        ),
        (
            "find 29221 --json: cold cache ≤ 2× warm",
            ("cold", "postcode"),
            lambda: f"{t('cold') / t('postcode'):.2f}×",
            lambda: t("cold") <= 2 * t("postcode"),
        ),
        (
            "find --batch of 10,000 queries < 2 s",
            ("batch",),
            lambda: f"{t('batch') / 1000:.2f} s",
            lambda: t("batch") < 2000,
        ),
        (
            "find 29221 --json ≥ 4× faster than pgeocode",
            ("postcode", "pgeocode"),
            lambda: f"{t('pgeocode') / t('postcode'):.2f}× faster",
            lambda: t("pgeocode") >= 4 * t("postcode"),
        ),
        (
            "find 29221 --json peak RSS ≤ ½ of pgeocode's",
            ("postcode", "pgeocode"),
            lambda: f"{m('postcode'):.1f} vs {m('pgeocode'):.1f} MB",
            lambda: m("postcode") <= m("pgeocode") / 2,
        ),
        (
            "find 29221 --json peak RSS ≤ 50 MB",
            ("postcode",),
            lambda: f"{m('postcode'):.1f} MB",
            lambda: m("postcode") <= 50,
        ),
    ]
    lines = ["| target | measured | result |", "|---|--:|---|"]
    for target, keys, measure, met in targets:
        if all(k in c for k in keys):
            lines.append(f"| {target} | {measure()} | {'PASS' if met() else 'FAIL'} |")
        else:
            lines.append(f"| {target} | not measured | n/a |")
    return lines


def rss_floor_line(runner: Runner) -> str | None:
    """Peak RSS the wrapper reports for ``true``: no figure can be below this floor."""
    true = shutil.which("true")
    if true is None:
        return None
    sample = runner.run(Command("true", "true", [true]))
    return f"- RSS floor (wrapper, measured with `true`): {sample.maxrss_bytes / MIB:.1f} MB"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (15)")
    parser.add_argument(
        "--batch-runs", type=int, default=3, help="timed runs of the batch command (3)"
    )
    parser.add_argument("--quick", action="store_true", help="smoke test: --runs 3")
    parser.add_argument(
        "--python", default=sys.executable, help="Python for the baselines and pgeocode"
    )
    parser.add_argument(
        "--polchan", default=None, help="polchan script (default: next to sys.executable)"
    )
    parser.add_argument("--markdown", type=Path, help="also write the report to FILE")
    parser.add_argument(
        "--pgeocode-data",
        type=Path,
        default=DEFAULT_PGEOCODE_DATA,
        help=f"pgeocode data to copy (default: {DEFAULT_PGEOCODE_DATA})",
    )
    parser.add_argument("--queries", type=int, default=10_000, help="batch size (10000)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 3
    if args.runs < 1 or args.batch_runs < 1 or args.queries < 1:
        parser.error("--runs, --batch-runs and --queries must be at least 1")
    args.batch_runs = min(args.batch_runs, args.runs)
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally write) the report."""
    args = parse_args(argv)
    python = resolve_executable(args.python)
    polchan_name = args.polchan or default_polchan()
    if polchan_name is None:
        sys.exit("bench: polchan not found next to sys.executable nor on PATH; use --polchan")
    polchan = resolve_executable(polchan_name)

    with tempfile.TemporaryDirectory(prefix="polchan-bench-") as tmp:
        work = Path(tmp)
        (work / "cache").mkdir()
        (work / "config").mkdir()
        # PYTHONDONTWRITEBYTECODE would leave an editable install without bytecode,
        # compiling polchan's modules on every run while the baselines' packages
        # have theirs from pip: the warm-up round writes it, as an installed wheel has.
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("POLCHAN_REGISTRY", "PYTHONDONTWRITEBYTECODE")
        }
        # The user's own registry and cache must not influence (or be touched by) the bench.
        env.update(XDG_CACHE_HOME=str(work / "cache"), XDG_CONFIG_HOME=str(work / "config"))
        runner = Runner(work, env)

        notes: list[str] = []
        pgeocode_dir: Path | None = None
        importable, _ = probe(python, "import pgeocode", env)
        if not importable:
            notes.append(
                f"- pgeocode is not importable by {python}; skipping the peer comparison "
                "(install it with `.venv/bin/pip install pgeocode`)."
            )
        elif not (args.pgeocode_data / "DE.txt").is_file():
            notes.append(f"- No pgeocode data in {args.pgeocode_data}; skipping pgeocode.")
        else:
            pgeocode_dir = work / "pgeocode"
            shutil.copytree(args.pgeocode_data, pgeocode_dir)
            for path in [pgeocode_dir, *pgeocode_dir.iterdir()]:
                path.chmod(path.stat().st_mode | 0o200)  # the source folder is read-only

        queries, mix = make_batch_queries(args.queries)
        batch_file = work / "queries.txt"
        batch_file.write_text("\n".join(queries) + "\n", encoding="utf-8")
        notes.append(
            f"- Batch: {len(queries):,} queries (random.Random(42)): "
            + ", ".join(f"{n:,} {kind}" for kind, n in mix.items())
        )
        if not sys.platform.startswith("linux"):
            notes.append("- Not Linux: the cold-cache row may not be cold (XDG_CACHE_HOME).")
        for note in notes:
            print(note.removeprefix("- "), file=sys.stderr)

        commands = build_commands(python, polchan, batch_file, len(queries), pgeocode_dir)
        header = machine_lines(python, polchan, env)
        if floor := rss_floor_line(runner):
            header.append(floor)
        header.append(
            f"- {args.runs} round-robin rounds after 1 warm-up round "
            f"(batch: {args.batch_runs} runs); times are wall-clock, RSS is the highest "
            "per-run peak (ru_maxrss via os.wait4)"
        )
        warm_up(runner, commands)
        timed_rounds(runner, commands, args.runs, args.batch_runs)

    report = [
        "## polchan benchmark",
        "",
        *header,
        *notes,
        "",
        *results_table(commands),
        "",
        "### Targets",
        "",
        *targets_table(commands),
        "",
    ]
    text = "\n".join(report)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
