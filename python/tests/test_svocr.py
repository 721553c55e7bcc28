"""The Python package against the command line: same records, same errors, same order.

The records are compared with what `svocr run --format jsonl` writes (parsed by `json.loads`),
never with dicts built here, so the tests hold whatever fields a record has. The CLI is
`target/release/svocr` at the repository root, or $SVOCR_CLI; build it first
(`cargo build --release --locked`).
"""

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import svocr

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(os.environ.get("SVOCR_CLI", ROOT / "target" / "release" / "svocr"))

# Every document under fixtures/, as the CLI's directory walk finds them (`*.txt`, `*.pdf`, any case).
FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.suffix.lower() in (".txt", ".pdf"))

# Option sets as (CLI flags, keyword arguments).
OPTIONS = [
    ([], {}),
    (["--no-repair"], {"repair": False}),
    (["--min-confidence", "0.9"], {"min_confidence": 0.9}),
]


def cli_records(paths, flags=()):
    """The CLI's records for `paths` (relative to the repository root, as sources)."""
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: run `cargo build --release --locked` first")
    out = subprocess.run(
        [str(CLI), "run", "--format", "jsonl", *flags, *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    # 1: a total does not match; 2: a document could not be read (it still has its record).
    assert out.returncode in (0, 1, 2), out.stderr.decode()
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == len(paths), out.stderr.decode()
    return records


def same(a, b):
    """Equal values and equal key order (the CLI's order of fields)."""
    return a == b and json.dumps(a) == json.dumps(b)


def rel(p):
    return str(p.relative_to(ROOT))


def test_there_are_fixtures():
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("flags, kwargs", OPTIONS, ids=["default", "no-repair", "min-conf-0.9"])
def test_every_fixture_gives_the_cli_record(flags, kwargs):
    expected = cli_records([rel(p) for p in FIXTURES], flags)
    assert len(expected) == len(FIXTURES)
    for path, want in zip(FIXTURES, expected):
        got = svocr.process(path.read_bytes(), rel(path), **kwargs)
        assert same(got, want), rel(path)


def test_text_is_processed_as_its_utf8_bytes():
    path = FIXTURES[0]
    data = path.read_bytes()
    assert svocr.process(data.decode("utf-8"), "x") == svocr.process(data, "x")


def test_the_issue_example():
    record = svocr.process(b"Staten avs\xc3\xa4tter 944 miljoner kronor f6r 2020.")
    assert record["source"] == "-"
    assert record["amounts"][0]["value"] == 944000000


def test_version_is_the_cli_version():
    out = subprocess.run([str(CLI), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["svocr", svocr.__version__]


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary\x00" * 10, bytes(range(256))],
    ids=["nul", "all-bytes"],
)
def test_unreadable_documents_are_error_records_as_on_the_cli(tmp_path, data):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [want] = cli_records([path])
    assert want["status"] == "error"
    assert same(svocr.process(data, str(path)), want)
    [many] = svocr.process_many([(str(path), data)])
    assert same(many, want)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: svocr.process(123), "data must be bytes or str, not int"),
        (lambda: svocr.process(None), "data must be bytes or str, not NoneType"),
        (lambda: svocr.process(b"x", 5), "source must be str, not int"),
        (lambda: svocr.process(b"x", repair="yes"), "repair must be bool, not str"),
        (lambda: svocr.process(b"x", min_confidence="0.5"), "min_confidence must be float, not str"),
        (lambda: svocr.process(b"x", min_confidence=True), "min_confidence must be float, not bool"),
        (lambda: svocr.process(b"x", colour=1), "unexpected keyword argument"),
        (lambda: svocr.process_many(5), "items must be an iterable of (source, data) pairs, not int"),
        (lambda: svocr.process_many([b"x"]), "item 0 must be a (source, data) pair, not bytes"),
        (lambda: svocr.process_many([("a", b"x"), ("b",)]), "item 1 must be a (source, data) pair"),
        (lambda: svocr.process_many([(b"a", b"x")]), "item 0: source must be str, not bytes"),
        (lambda: svocr.process_many([("a", 1.5)]), "item 0: data must be bytes or str, not float"),
        (lambda: svocr.process_many([], threads="2"), "threads must be int or None, not str"),
        (lambda: svocr.process_many([], threads=True), "threads must be int or None, not bool"),
        (lambda: svocr.process_many([], repair=1), "repair must be bool, not int"),
    ],
)
def test_wrong_argument_types_raise_type_error(call, message):
    with pytest.raises(TypeError) as e:
        call()
    assert message in str(e.value)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: svocr.process(b"x", min_confidence=1.5), "min_confidence must be from 0 to 1"),
        (lambda: svocr.process(b"x", min_confidence=float("nan")), "from 0 to 1"),
        (lambda: svocr.process_many([], threads=0), "threads must be at least 1"),
    ],
)
def test_values_out_of_range_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_integer_thresholds_are_thresholds():
    data = FIXTURES[0].read_bytes()
    assert svocr.process(data, min_confidence=1) == svocr.process(data, min_confidence=1.0)


def items():
    """The fixtures and an unreadable document, as (source, data) pairs."""
    pairs = [(rel(p), p.read_bytes()) for p in FIXTURES]
    pairs.insert(3, ("binary.txt", b"\x00\x00\x00"))
    return pairs


@pytest.mark.parametrize("threads", [1, 2, None])
def test_process_many_keeps_order_and_equals_process(threads):
    pairs = items()
    want = [svocr.process(data, source) for source, data in pairs]
    got = svocr.process_many(iter(pairs), threads=threads)
    assert [r["source"] for r in got] == [s for s, _ in pairs]
    assert got == want
    assert got[3]["status"] == "error"


def test_process_many_is_deterministic_whatever_the_threads():
    pairs = items() * 3
    one = svocr.process_many(pairs, threads=1, min_confidence=0.7)
    two = svocr.process_many(pairs, threads=2, min_confidence=0.7)
    again = svocr.process_many(pairs, threads=2, min_confidence=0.7)
    assert json.dumps(one) == json.dumps(two) == json.dumps(again)


def test_process_many_of_nothing_is_nothing():
    assert svocr.process_many([]) == []
    assert svocr.process_many(x for x in ()) == []


def test_lists_are_pairs_too():
    assert svocr.process_many([["a", b"1 kr"]]) == [svocr.process(b"1 kr", "a")]


def test_other_threads_run_while_documents_are_processed():
    # Were the GIL held for the whole call, this thread would stall for all of it.
    pairs = items() * 4
    done = threading.Event()
    worker = threading.Thread(target=lambda: (svocr.process_many(pairs, threads=1), done.set()))
    start = time.perf_counter()
    worker.start()
    last, longest = start, 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    took = time.perf_counter() - start
    assert took > 0.2, "too little work to tell"
    assert longest < took / 2, f"this thread stalled {longest:.2f} s of {took:.2f} s"


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_stops_a_long_list_between_documents(threads):
    import _thread

    pairs = items() * 40
    timer = threading.Timer(0.3, _thread.interrupt_main)
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        svocr.process_many(pairs, threads=threads)
    took = time.perf_counter() - start
    timer.join()
    # The whole list takes several seconds; the interrupt is seen within a few documents.
    assert took < 2.0, f"KeyboardInterrupt came after {took:.2f} s"


def rss_bytes():
    """Resident set size now (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc")
def test_no_memory_growth_over_ten_thousand_calls():
    # A small fixture-like document: amounts, a total, OCR damage, so every stage allocates.
    data = (
        "Regeringen beslutar att Försäkringskassan f6r 2021 får 12,5 miljoner kronor.\n"
        "Summa 1 444 tkr, varav 1 000 tkr och 444 tkr.\n"
    ).encode()
    for _ in range(500):
        svocr.process(data, "warm.txt")
    before = rss_bytes()
    for i in range(10_000):
        svocr.process(data, "doc.txt")
        if i % 1000 == 0:
            svocr.process_many([("a.txt", data), ("b.txt", b"\x00")], threads=2)
    growth = rss_bytes() - before
    # One leaked record or document per call would be tens of megabytes.
    assert growth < 4 * 1024 * 1024, f"RSS grew by {growth / 1e6:.1f} MB"
