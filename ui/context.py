"""What every screen of an unlocked session needs: the session, the op runner, settings."""

from __future__ import annotations

from dataclasses import dataclass

from app.bulletins import BulletinService
from app.reports import ReportService
from app.roles import FOCAL_POINT_ROLES, RoleState
from app.session import Session
from app.workflow import Workflow
from ui.ops import OpRunner
from ui.settings import UiSettings


@dataclass
class Context:
    session: Session
    ops: OpRunner
    settings: UiSettings
    # Read on the store lane at unlock (the UI thread runs no statement); a role the portal
    # certifies later (enrolment in Settings) shows from the next unlock on.
    role: RoleState

    # Services are cheap objects over the session's database; each call makes its own, so
    # a worker thread never shares one with the UI thread.
    def reports(self) -> ReportService:
        return ReportService(self.session.db, self.session.user, self.session.audit)

    def workflow(self) -> Workflow:
        return Workflow(self.session.db, self.session.user, self.session.audit)

    def bulletins(self) -> BulletinService:
        return BulletinService(self.session.db, self.session.user.id)

    @property
    def is_focal_point(self) -> bool:
        """Only a focal-point role the portal certified counts (app.roles)."""
        return self.role.certified in FOCAL_POINT_ROLES

    @property
    def user_id(self) -> str:
        return self.session.user.id
