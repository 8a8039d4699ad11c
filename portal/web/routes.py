"""The console's routes, mounted beside the API (which keeps /v1/)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from portal.web import focal, home, operator, signin


def routes() -> list[BaseRoute]:
    return [
        Route("/", home.home, methods=["GET"]),
        Route("/favicon.ico", home.favicon, methods=["GET"]),
        Route("/static/{version}/{name}", home.static, methods=["GET"]),
        Route("/lang/{code}", home.choose_language, methods=["GET"]),
        Route("/login", signin.login_form, methods=["GET"]),
        Route("/login/key", signin.login_key_start, methods=["POST"]),
        Route("/login/key/finish", signin.login_key_finish, methods=["POST"]),
        Route("/login/passphrase", signin.login_passphrase, methods=["POST"]),
        Route("/logout", signin.logout, methods=["POST"]),
        Route("/activate", signin.activate_form, methods=["GET"]),
        Route("/activate", signin.activate_start, methods=["POST"]),
        Route("/activate/key", signin.activate_key, methods=["POST"]),
        Route("/activate/passphrase", signin.activate_passphrase, methods=["POST"]),
        Route("/operator/states", operator.states, methods=["GET"]),
        Route("/operator/states", operator.state_create, methods=["POST"]),
        Route("/operator/agencies", operator.agency_list, methods=["GET"]),
        Route("/operator/agencies", operator.agency_create, methods=["POST"]),
        Route("/operator/keys", operator.keys, methods=["GET"]),
        Route("/operator/provisioning", operator.provisioning, methods=["POST"]),
        Route("/operator/audit", operator.audit_view, methods=["GET"]),
        Route("/operator/nfps", focal.nfp_list, methods=["GET"]),
        Route("/operator/nfps", focal.nfp_create, methods=["POST"]),
        Route("/people", focal.state_people, methods=["GET"]),
        Route("/people", focal.ofp_create, methods=["POST"]),
        Route("/devices", focal.devices, methods=["GET"]),
        Route("/devices/code", focal.code_issue, methods=["POST"]),
        Route("/devices/{key_id}/revoke", focal.device_revoke, methods=["POST"]),
    ]
