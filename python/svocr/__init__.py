"""svocr: repair OCR'd Swedish public-sector documents and extract amounts, dates, tables and totals.

The same pipeline as the ``svocr`` command line, from Python. ``process`` gives one document's
record, ``process_many`` many documents' records in parallel; each record is the dict that
``json.loads`` gives for the line ``svocr run --format jsonl`` writes for the same document and
options. See ``__init__.pyi`` for the signatures.
"""

from ._svocr import __version__, process, process_many

__all__ = ["__version__", "process", "process_many"]
