"""The JSON Schema (draft 2020-12) of the analysis record, generated from :mod:`newsprism.model`."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from . import model

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def analysis_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _object_schema(model.Analysis, defs)
    return {
        "$schema": _DIALECT,
        "$id": f"https://newsprism.dev/schema/analysis/{model.SCHEMA_VERSION}.json",
        "title": "newsprism analysis record",
        "description": (model.Analysis.__doc__ or "").strip(),
        **root,
        "$defs": defs,
    }


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props = {f.name: _type_schema(hints[f.name], defs) for f in dataclasses.fields(cls)}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, defs) for arg in typing.get_args(tp)]}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if tp is type(None):
        return {"type": "null"}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            defs[tp.__name__] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]} if tp is not float else {"type": "number"}
    raise TypeError(f"no JSON Schema for type {tp!r}")
