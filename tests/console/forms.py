"""The forms of a console page as a browser sees them: action, method and every field with
the value a person could type or pick (for the tests that post into every field)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

TEXT_TYPES = frozenset({"", "text", "search", "email", "url", "tel", "password", "number"})


@dataclass
class Form:
    action: str
    method: str
    hidden: dict[str, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)  # fields a person types into
    choices: dict[str, list[str]] = field(default_factory=dict)  # <select> name -> values
    files: list[str] = field(default_factory=list)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
            return
        if not self.forms or not a.get("name"):
            if tag == "option" and self._select is not None and self.forms:
                self.forms[-1].choices[self._select].append(a.get("value", ""))
            return
        form, name = self.forms[-1], a["name"]
        kind = a.get("type", "").lower()
        if tag == "input" and kind == "hidden":
            form.hidden[name] = a.get("value", "")
        elif tag == "input" and kind == "file":
            form.files.append(name)
        elif (tag == "input" and kind in TEXT_TYPES) or tag == "textarea":
            form.text.append(name)
        elif tag == "select":
            form.choices[name] = []
            self._select = name

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms
