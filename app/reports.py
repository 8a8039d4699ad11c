"""Recording, reading and finding reports. The GUI and the CLI both call this service."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import codelists
from app.attachments import META_KEY, PHOTO_READ_CAP, AttachmentPolicy, is_photo, sniff
from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.domain import ReportStatus
from app.errors import InvalidInput, NotAllowed
from app.identifiers import identifier_tokens, query_identifiers, report_identifiers
from app.lifecycle import EDITABLE, REVISABLE
from app.portal_clock import validation_time
from app.validation import validate_report
from resources.i18n import _
from storage.attachments_repo import AttachmentRepository
from storage.database import Database
from storage.reports_repo import (
    NewReport,
    PageCursor,
    ReportFilter,
    ReportRecord,
    ReportRepository,
    SearchIndex,
)
from storage.users_repo import MetaRepository, UserRecord


@dataclass(frozen=True)
class AttachmentInput:
    filename: str
    media_type: str
    data: bytes

    @classmethod
    def from_path(
        cls,
        path: Path,
        policy: AttachmentPolicy | None = None,
        already_attached: int = 0,
        photos_downscaled: bool = False,
    ) -> AttachmentInput:
        """A file a person picked: its type is sniffed from the bytes and checked against the
        agency's policy (size per file and per report, allowed types) before it is kept.
        With `photos_downscaled` a photo's size is left for the caller to check on the
        downscaled bytes (a 20 MB camera photo fits once scaled); only PHOTO_READ_CAP applies."""
        policy = policy or AttachmentPolicy()
        try:
            size = path.stat().st_size
            if photos_downscaled and size <= PHOTO_READ_CAP:
                data = path.read_bytes()
                media = sniff(data)
                if media is not None and is_photo(media) and media in policy.allowed_types:
                    return cls(path.name, media, data)
            policy.check_size(path.name, size, already_attached)  # before reading 20 MB
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Cannot read attachment {path.name}: {exc.strerror}.") from None
        return cls(path.name, policy.check(path.name, data, already_attached), data)


def attachment_policy(db: Database) -> AttachmentPolicy:
    """The agency's attachment policy from provisioning (the defaults when it set none)."""
    return AttachmentPolicy.from_json(MetaRepository(db).get(META_KEY))


@dataclass(frozen=True)
class ReportView:
    """One version of a report as people see it."""

    record: ReportRecord
    report: dict[str, Any]

    @property
    def report_id(self) -> str:
        return self.record.report_id

    @property
    def status(self) -> str:
        return self.record.status

    def summary(self) -> dict[str, Any]:
        r = self.record
        return {
            "id": r.report_id,
            "version": r.version,
            "status": r.status,
            "kind": r.kind,
            "observed_at": r.observed_at,
            "crossing_point": r.crossing_point,
            "tlp": r.tlp,
            "updated_at": r.updated_at,
        }


def search_index(report: Mapping[str, Any]) -> SearchIndex:
    """The searchable text and filter values of a report (names of places included)."""
    persons = report.get("persons") or []
    route = report.get("route") or {}
    mo = report.get("modus_operandi") or {}
    source = report.get("source") or {}
    nationalities = {p["nationality"] for p in persons if p.get("nationality")}
    countries = [route.get("origin"), *(route.get("transit") or []), route.get("destination")]
    countries += [d.get("issuing_state") for d in report.get("documents") or []]
    places: list[str] = []
    cp = report.get("crossing_point")
    if cp:
        places += [cp, codelists.label("crossing_points", cp)]
    for code in [c for c in countries if c] + sorted(nationalities):
        places += [code, codelists.label("countries", code)]
    tags = [codelists.label("modus_operandi_tags", t) for t in mo.get("tags") or []]
    return SearchIndex(
        nationalities=frozenset(nationalities),
        narrative=report.get("narrative") or "",
        modus_operandi=" ".join([*tags, mo.get("text") or ""]),
        source_description=source.get("description") or "",
        places=" ".join(dict.fromkeys(places)),
        identifiers=identifier_tokens(report_identifiers(report)),
    )


def fts_query(text: str) -> str:
    """Turns what a person typed into a safe FTS5 query: every word must match, the last one
    as a prefix when it has 3 characters or more (so results appear while typing; the index
    keeps prefixes of 3 to 6 characters). No FTS syntax errors can come from input."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    if not words:
        raise InvalidInput("Type at least one word or number to search for.")
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) >= 3:  # shorter prefixes match a large part of the index
        quoted[-1] += "*"
    return " AND ".join(quoted)


class ReportService:
    def __init__(self, db: Database, user: UserRecord, audit: AuditTrail | None = None) -> None:
        self._db = db
        self._user = user
        self._repo = ReportRepository(db)
        self._attachments = AttachmentRepository(db)
        self._audit = audit or AuditTrail(db)

    def attachment_policy(self) -> AttachmentPolicy:
        return attachment_policy(self._db)

    # -- writing ------------------------------------------------------------------------------

    def _store_attachments(
        self, data: dict[str, Any], attachments: Sequence[AttachmentInput]
    ) -> None:
        """Stores the files' content and adds a reference for each new one to `data`."""
        refs = list(data.get("attachments") or [])
        policy = attachment_policy(self._db)
        total = sum(int(r.get("size") or 0) for r in refs)
        for item in attachments:
            policy.check_size(item.filename, len(item.data), total)
            total += len(item.data)
            digest = hashlib.sha256(item.data).hexdigest()
            self._attachments.put(digest, item.media_type, item.data, now_rfc3339())
            if not any(r.get("sha256") == digest for r in refs):
                refs.append(
                    {
                        "sha256": digest,
                        "filename": item.filename,
                        "media_type": item.media_type,
                        "size": len(item.data),
                    }
                )
        data["attachments"] = refs

    def _link_attachments(self, rowid: int, payload: Mapping[str, Any]) -> None:
        for ref in payload["attachments"]:
            self._repo.link_attachment(rowid, ref["sha256"], ref["filename"])

    def create_draft(
        self, data: Mapping[str, Any], attachments: Sequence[AttachmentInput] = ()
    ) -> ReportView:
        """Validates (as a draft: complete later) and stores a new report with its attachments
        in one transaction with its audit entry."""
        content = dict(data)
        with self._db.transaction():
            self._store_attachments(content, attachments)
            self._check_attachments_present(content)
            report = validate_report(content, for_submit=False, **validation_time(self._db))
            payload = report.to_dict()
            now = now_rfc3339()
            report_id = str(uuid.uuid4())
            rowid = self._repo.insert(
                _new_record(report_id, 1, ReportStatus.DRAFT.value, payload, self._user.id, now),
                search_index(payload),
            )
            self._link_attachments(rowid, payload)
            self._audit.record(
                self._user.id, "report.created", report_id, {"version": 1, "kind": payload["kind"]}
            )
        return self.get(report_id)

    def update_draft(
        self,
        report_id: str,
        data: Mapping[str, Any],
        attachments: Sequence[AttachmentInput] = (),
    ) -> ReportView:
        with self._db.transaction():
            current = self._repo.get(report_id)
            if current.author_id != self._user.id:
                raise NotAllowed("Only the author of a draft can edit it.")
            if current.status == ReportStatus.RETURNED:
                # The returned version stays as it was signed; the edit goes into a new one.
                current = self._repo.get(self.revise(report_id).report_id)
            if ReportStatus(current.status) not in EDITABLE:
                raise NotAllowed(
                    f"Report {report_id[:8]} is {current.status}; its content can no longer "
                    "change. Start a corrected version instead (outpost report revise)."
                )
            content = dict(data)
            self._store_attachments(content, attachments)
            self._check_attachments_present(content)
            payload = validate_report(
                content, for_submit=False, **validation_time(self._db)
            ).to_dict()
            self._repo.update_content(
                current.rowid,
                kind=payload["kind"],
                observed_at=payload.get("observed_at"),
                crossing_point=payload.get("crossing_point"),
                tlp=(payload.get("handling") or {}).get("tlp"),
                updated_at=now_rfc3339(),
                payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                index=search_index(payload),
            )
            self._link_attachments(current.rowid, payload)
            # Autosaves come every few seconds: one entry per series, not one per save.
            self._audit.record_repeated(
                self._user.id, "report.edited", report_id, {"version": current.version}
            )
        return self.get(report_id)

    def edit(
        self,
        report_id: str,
        changes: Mapping[str, Any],
        attachments: Sequence[AttachmentInput] = (),
    ) -> ReportView:
        """Changes the fields given (each top-level field replaces the report's own; the shape
        of `outpost report add --json`) in a draft, or in a returned report (the edit starts
        its corrected version, as in the editor). A signed report waiting for review or
        decided is refused before anything is written: its correction is a new version."""
        current = self._repo.get(report_id)
        status = ReportStatus(current.status)
        if status not in EDITABLE and status != ReportStatus.RETURNED:
            raise NotAllowed(
                _(
                    "Report {id} is {status}: what was signed cannot be edited. To correct it, "
                    "start a new version (outpost report revise {id}), then edit that."
                ).format(id=report_id[:8], status=status.value)
            )
        merged = {**json.loads(current.payload), **changes}
        return self.update_draft(report_id, merged, attachments)

    def revise(self, report_id: str) -> ReportView:
        """Starts a corrected version: a new draft with the same content that supersedes the
        latest submitted version. The old version and its signatures stay unchanged."""
        with self._db.transaction():
            latest = self._repo.get(report_id)
            if latest.author_id != self._user.id:
                raise NotAllowed("Only the author can start a corrected version of a report.")
            if ReportStatus(latest.status) not in REVISABLE or latest.submission_hash is None:
                raise NotAllowed(
                    f"Report {report_id[:8]} is {latest.status}; edit it directly instead."
                )
            payload = json.loads(latest.payload)
            now = now_rfc3339()
            version = latest.version + 1
            new = _new_record(
                report_id, version, ReportStatus.DRAFT.value, payload, self._user.id, now
            )
            rowid = self._repo.insert(
                NewReport(**{**new.__dict__, "supersedes": latest.submission_hash}),
                search_index(payload),
            )
            for sha, filename in self._repo.attachments_of(latest.rowid):
                self._repo.link_attachment(rowid, sha, filename)
            self._repo.mark_superseded(latest.rowid)
            self._audit.record(
                self._user.id,
                "report.revised",
                report_id,
                {"version": version, "supersedes": latest.submission_hash},
            )
        return self.get(report_id)

    def _check_attachments_present(self, content: Mapping[str, Any]) -> None:
        for ref in content.get("attachments") or []:
            sha = ref.get("sha256") if isinstance(ref, Mapping) else None
            if isinstance(sha, str):
                try:
                    self._attachments.info(sha)
                except Exception:
                    raise InvalidInput(
                        f"The report refers to attachment {sha[:12]}…, which is not in this "
                        "store. Attach the file itself (--attach)."
                    ) from None

    # -- reading ------------------------------------------------------------------------------

    def resolve_id(self, id_or_prefix: str) -> str:
        text = id_or_prefix.strip().lower()
        if len(text) < 4:
            raise InvalidInput("Give at least the first 4 characters of the report id.")
        matches = self._repo.find_ids(text)
        if not matches:
            raise InvalidInput(f"No report id starts with '{text}'. See 'outpost report list'.")
        if len(matches) > 1:
            raise InvalidInput(f"Several reports start with '{text}'; type more characters.")
        return matches[0]

    def get(self, report_id: str, version: int | None = None) -> ReportView:
        record = self._repo.get(report_id, version)
        return ReportView(record, json.loads(record.payload))

    def versions(self, report_id: str) -> list[ReportView]:
        return [ReportView(r, json.loads(r.payload)) for r in self._repo.versions(report_id)]

    def attachment_bytes(self, sha256: str) -> bytes:
        return self._attachments.read(sha256)

    def list_page(
        self, f: ReportFilter | None = None, limit: int = 50, after: PageCursor | None = None
    ) -> list[ReportView]:
        records = self._repo.list_page(f or ReportFilter(), limit, after)
        return [ReportView(r, json.loads(r.payload)) for r in records]

    def search(
        self, text: str, f: ReportFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[ReportView]:
        # What was typed is also read as an identifier ("AB 123-456" is one passport number).
        tokens = identifier_tokens(query_identifiers(text))
        records = self._repo.search(fts_query(text), f or ReportFilter(), limit, offset, tokens)
        return [ReportView(r, json.loads(r.payload)) for r in records]

    def count(self, f: ReportFilter | None = None) -> int:
        """Exact, however long it takes (see `count_if_kept` for lists)."""
        return self._repo.count(f or ReportFilter())

    def count_if_kept(self, f: ReportFilter | None = None) -> int | None:
        """The exact number from the counts the store keeps, or None when the filter has a
        part they do not keep (a nationality, a date inside a month): then a list says how
        many it has shown, not how many there are, rather than count a million rows."""
        return self._repo.counted(f or ReportFilter())


def rebuild_search_index(db: Database, batch: int = 2000) -> int:
    """Re-indexes every stored version's text, once, after the upgrade to schema v4 (its
    full-text index gained a column of filter tokens and cannot be converted in SQL: the
    text lives only in the payloads). Called on unlock; returns how many versions were
    indexed, 0 when nothing was pending. One transaction: a crash leaves it pending."""
    repo = ReportRepository(db)
    if not repo.search_index_needs_rebuild():
        return 0
    done, last = 0, 0
    with db.transaction():
        while rows := repo.payloads_after(last, batch):
            for rowid, payload in rows:
                repo.reindex_text(rowid, search_index(json.loads(payload)))
            done += len(rows)
            last = rows[-1][0]
        repo.search_index_rebuilt()
    return done


def _new_record(
    report_id: str, version: int, status: str, payload: Mapping[str, Any], author: str, now: str
) -> NewReport:
    return NewReport(
        report_id=report_id,
        version=version,
        status=status,
        kind=payload["kind"],
        observed_at=payload.get("observed_at"),
        crossing_point=payload.get("crossing_point"),
        tlp=(payload.get("handling") or {}).get("tlp"),
        author_id=author,
        created_at=now,
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
    )
