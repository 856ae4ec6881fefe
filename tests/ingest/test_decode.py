"""Bytes to text: each bad case has its own rejection code."""

from __future__ import annotations

from newsprism.ingest.decode import decode, looks_binary
from newsprism.model import Rejection


def test_utf8_text_is_returned_as_is():
    assert decode("f", "a\r\nb\u00e9\n".encode(), 100) == "a\r\nb\u00e9\n"


def test_codes():
    cases = {
        b"": "empty",
        b"\n\n  ": "empty",
        b"x" * 101: "too-large",
        b"GIF89a\x00\x01\x02\x03": "binary",
    }
    for data, code in cases.items():
        r = decode("f", data, 100)
        assert isinstance(r, Rejection) and r.code == code and r.input == "f"


def test_utf16_with_bom_is_text():
    assert not looks_binary("\ufeffhello".encode("utf-16"))
    assert decode("f", "hello world".encode("utf-16"), 100) == "hello world"
