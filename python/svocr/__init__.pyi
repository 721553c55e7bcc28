"""Type stubs for svocr (the native module svocr._svocr, re-exported)."""

from collections.abc import Iterable
from typing import Any

__version__: str
"""The svocr crate's version, as ``svocr --version`` prints it."""

Record = dict[str, Any]
"""A record: the object ``svocr run --format jsonl`` writes, as ``json.loads`` parses it."""

def process(
    data: bytes | str,
    source: str = "-",
    *,
    repair: bool = True,
    min_confidence: float = 0.5,
) -> Record:
    """Repairs one document and extracts its fields; returns its record.

    The dict is exactly what ``json.loads`` gives for the line ``svocr run --format jsonl``
    writes for the same input and options. ``data`` is the document's bytes (any encoding the
    CLI reads) or its text (processed as UTF-8); ``source`` names it in the record. An unreadable
    document (binary data) gives a record with ``status == "error"``; it never raises.

    Raises TypeError for arguments of the wrong type, ValueError for ``min_confidence`` outside
    0..1.
    """

def process_many(
    items: Iterable[tuple[str, bytes | str]],
    *,
    threads: int | None = None,
    repair: bool = True,
    min_confidence: float = 0.5,
) -> list[Record]:
    """Processes ``(source, data)`` pairs in parallel; returns their records in input order.

    Each record is what ``process(data, source, ...)`` returns; the list is the same whatever
    ``threads`` is (``None``: one worker per core). The GIL is released while documents are
    processed, by that many workers while the calling thread turns finished records into dicts;
    ``threads=1`` processes them on the calling thread alone, one after another, so that a
    one-core process (a Spark executor with one core) keeps to one core.

    Raises TypeError for an item that is not a (str, bytes | str) pair or an option of the wrong
    type, ValueError for ``threads < 1`` or ``min_confidence`` outside 0..1.
    """
