"""The console's own message catalogue, in the languages the desktop client speaks.

Language codes come from resources/languages.json (shared with the desktop client); the
texts from portal/web/locales/<code>.json. English is complete by construction (a test
checks every key used by a template or handler is in it); another language falls back to
English for a key it lacks, so a new string never breaks a page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

DEFAULT: Final = "en"
LANG_COOKIE: Final = "lang"


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str


@cache
def languages() -> tuple[Language, ...]:
    data = json.loads(resources.files("resources").joinpath("languages.json").read_text("utf-8"))
    return tuple(Language(str(item["code"]), str(item["name"])) for item in data["languages"])


@cache
def catalogue(code: str) -> dict[str, str]:
    path = resources.files("portal.web").joinpath("locales", f"{code}.json")
    if not path.is_file():
        return {}
    messages: dict[str, str] = json.loads(path.read_text("utf-8"))
    return messages


class UnknownMessage(KeyError):
    """A message key with no English text: a bug, caught by the catalogue test."""


def translate(code: str, key: str, /, **values: object) -> str:
    text = catalogue(code).get(key) or catalogue(DEFAULT).get(key)
    if text is None:
        raise UnknownMessage(key)
    return text.format(**values) if values else text


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    """The chosen language: the cookie if it names a known one, else the first known
    language of Accept-Language (by quality), else English."""
    known = {lang.code for lang in languages()}
    if cookie in known:
        return str(cookie)
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        quality = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.split("-")[0]
        if primary in known and quality > 0:
            ranked.append((-quality, index, primary))
    return sorted(ranked)[0][2] if ranked else DEFAULT
