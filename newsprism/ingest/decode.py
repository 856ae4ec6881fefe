"""Bytes to text, with the checks every file goes through: empty, too large, binary, undecodable.

Each check gives a :class:`~newsprism.model.Rejection` with its own code, so a
user can tell an empty file from a picture from a Latin-1 file gone wrong.
"""

from __future__ import annotations

import codecs
import logging

from ..model import Rejection

log = logging.getLogger(__name__)

STAGE = "ingest"

#: bytes that do not occur in text files (NUL and most C0 controls); a few in the head mark a binary file
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def reject(input_ref: str, code: str, message: str) -> Rejection:
    return Rejection(input=input_ref, stage=STAGE, code=code, message=message)


def check_size(input_ref: str, size: int, max_bytes: int) -> Rejection | None:
    if size == 0:
        return reject(input_ref, "empty", "the file is empty; nothing to analyse")
    if size > max_bytes:
        return reject(
            input_ref,
            "too-large",
            f"the input is {size:,} bytes, over the limit of {max_bytes:,}; split it, or raise max_bytes "
            f"(NEWSPRISM_MAX_BYTES or max_bytes in the --config file)",
        )
    return None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    return controls > max(2, len(head) // 100)


def decode(input_ref: str, data: bytes, max_bytes: int) -> str | Rejection:
    """The text of ``data``: UTF-8 (with or without BOM), else the encoding charset-normalizer finds.

    The decoded text is returned as it is (no newline or white-space changes):
    all offsets index it.
    """
    rejected = check_size(input_ref, len(data), max_bytes)
    if rejected:
        return rejected
    if looks_binary(data):
        return reject(input_ref, "binary", "the file is binary (not text, HTML, JSON or a feed); remove it from the inputs")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _detect(data)
        if text is None:
            return reject(
                input_ref,
                "undecodable",
                f"the text is not UTF-8 (bad byte at position {exc.start}) and no other encoding fits; "
                f"convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)",
            )
    if not text.strip():
        return reject(input_ref, "empty", "the file holds only white space; nothing to analyse")
    return text


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    log.info("decoded as %s (not UTF-8)", best.encoding)
    return str(best)
