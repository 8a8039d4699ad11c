"""Just enough PDF reading to check what Qt's PDF writer produced: pages in order and the
text drawn on each (Type0 fonts with ToUnicode maps, `<hex> Tj` strings). QtPdf is not part
of PySide6-Addons on this platform and poppler is not a project dependency, so the tests read
the file themselves."""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
# The data may itself end in a CR byte: only the LF before `endstream` is taken off, and a
# writer's CR of a CRLF is left to the decompressor (unused data after the zlib stream).
_STREAM = re.compile(rb"<<(.*?)>>\s*stream\r?\n(.*?)\nendstream", re.S)


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}


def _stream(obj: bytes) -> bytes:
    m = _STREAM.search(obj)
    if m is None:
        return b""
    raw = m.group(2)
    return zlib.decompressobj().decompress(raw) if b"FlateDecode" in m.group(1) else raw


def _ref(obj: bytes, key: bytes) -> int | None:
    m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", obj)
    return int(m.group(1)) if m else None


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            start, end = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                targets = re.findall(rb"<([0-9A-Fa-f]+)>", rest)
                for i, dst in enumerate(targets):
                    mapping[start + i] = bytes.fromhex(dst.decode()).decode("utf-16-be")
            else:
                first = int(rest[1:-1], 16)
                for i in range(end - start + 1):
                    mapping[start + i] = chr(first + i)
    return mapping


def page_texts(data: bytes) -> list[str]:
    """The text of each page, in page order (glyphs joined; words as drawn)."""
    objects = _objects(data)
    catalog_pages = next(n for n, o in objects.items() if re.search(rb"/Type\s*/Pages\b", o))
    kids = re.search(rb"/Kids\s*\[(.*?)\]", objects[catalog_pages], re.S)
    assert kids is not None
    order = [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))]
    texts = []
    for page_no in order:
        page = objects[page_no]
        resources = objects[_ref(page, b"Resources") or 0]
        fonts_dict = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
        fonts: dict[bytes, dict[int, str]] = {}
        if fonts_dict:
            for name, num in re.findall(rb"/(\w+)\s+(\d+) 0 R", fonts_dict.group(1)):
                unicode_ref = _ref(objects[int(num)], b"ToUnicode")
                fonts[name] = _cmap(_stream(objects[unicode_ref])) if unicode_ref else {}
        content = _stream(objects[_ref(page, b"Contents") or 0])
        out: list[str] = []
        current: dict[int, str] = {}
        for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\bET\b", content):
            if token.group(1) is not None:
                current = fonts.get(token.group(1), {})
            elif token.group(2) is not None:
                hexed = token.group(2).decode()
                for i in range(0, len(hexed), 4):
                    out.append(current.get(int(hexed[i : i + 4], 16), "?"))
            else:
                out.append(" ")
        texts.append("".join(out))
    return texts
