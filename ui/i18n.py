"""Translations: Qt Linguist files under resources/translations, and translated code lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import codelists
from app.i18n import country_name
from app.i18n import set_language as set_app_language
from resources import resource_path

_installed: list[QTranslator] = []


def install_language(code: str) -> bool:
    """Replaces the active translators; English needs none (it is the source language).
    Returns False when the language's file is missing (the English text stays)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    set_app_language(code)  # messages raised below the GUI, dates, numbers, country names
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return True
    ours = QTranslator(app)
    if not ours.load(str(resource_path(f"translations/outpost_{code}.qm"))):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_base = QTranslator(app)  # Qt's own dialogs (file dialog, message box buttons)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    QLocale.setDefault(QLocale(code))
    return True


def label(list_name: str, code: str | int | None) -> str:
    """The translated display label of a code ("" for none); countries by their ISO 3166
    names in the language (pycountry's translations)."""
    if code is None or code == "":
        return ""
    english = codelists.label(list_name, code)
    if list_name in ("countries", "nationalities"):
        return country_name(english) if english != code else english
    return QCoreApplication.translate("codelist", english)


def description(list_name: str, code: str) -> str:
    for entry in codelists.entries(list_name):
        if entry.code == code:
            return QCoreApplication.translate("codelist", entry.description or "")
    return ""


def status_label(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("status", "Draft"),
        "queued": QCoreApplication.translate("status", "Waiting for review"),
        "approved": QCoreApplication.translate("status", "Approved"),
        "returned": QCoreApplication.translate("status", "Returned"),
        "sent": QCoreApplication.translate("status", "Sent"),
        "acknowledged": QCoreApplication.translate("status", "Acknowledged"),
    }
    return names.get(status, status)


def role_label(role: str) -> str:
    names = {
        "officer": QCoreApplication.translate("role", "Officer"),
        "ofp": QCoreApplication.translate("role", "Organisational focal point"),
        "nfp": QCoreApplication.translate("role", "National focal point"),
    }
    return names.get(role, role)


def role_state_label(requested: str, certified: str) -> str:
    """The certified role, and a focal-point role asked for but not certified yet."""
    if requested == certified:
        return role_label(certified)
    text = QCoreApplication.translate("role", "{certified} ({requested}: not certified yet)")
    return text.format(certified=role_label(certified), requested=role_label(requested))
