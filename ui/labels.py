# ruff: noqa: E501  (whole sentences from the code lists; lupdate needs each as one literal)
"""Display wording of the code lists, marked for translation.

The code lists (resources/codelists/*.json) carry English wording; these marks let
pyside6-lupdate collect it into the "codelist" context so translators see every label and
meaning. Generated from the JSON files; keep in step when a list changes (a test checks).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MARKED: tuple[object, ...] = (
    # report_kinds
    QT_TRANSLATE_NOOP("codelist", "Irregular crossing"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Crossing or attempted crossing outside the legal conditions or away from an official crossing point.",
    ),
    QT_TRANSLATE_NOOP("codelist", "People smuggling"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Facilitation of irregular entry or stay for a financial or other material benefit.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Trafficking in persons"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Recruitment, transport or harbouring of persons by coercion or deception for exploitation.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Document fraud"),
    QT_TRANSLATE_NOOP(
        "codelist", "Use or attempted use of a false, altered or fraudulently obtained document."
    ),
    QT_TRANSLATE_NOOP("codelist", "Modus operandi / trend"),
    QT_TRANSLATE_NOOP(
        "codelist", "A method, route or trend observed, not tied to one group of persons."
    ),
    QT_TRANSLATE_NOOP("codelist", "Other"),
    # person_roles
    QT_TRANSLATE_NOOP("codelist", "Migrant"),
    QT_TRANSLATE_NOOP("codelist", "Person moving irregularly, including smuggled migrants."),
    QT_TRANSLATE_NOOP("codelist", "Presumed victim of trafficking"),
    QT_TRANSLATE_NOOP(
        "codelist", "Person with indicators of trafficking; the status is not yet established."
    ),
    QT_TRANSLATE_NOOP("codelist", "Suspected smuggler"),
    QT_TRANSLATE_NOOP("codelist", "Person suspected of organising or carrying out smuggling."),
    QT_TRANSLATE_NOOP("codelist", "Facilitator"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Person helping in a supporting role: driver, guide, boat operator, document supplier.",
    ),
    # sexes
    QT_TRANSLATE_NOOP("codelist", "Female"),
    QT_TRANSLATE_NOOP("codelist", "Male"),
    QT_TRANSLATE_NOOP("codelist", "Unknown"),
    # age_bands
    QT_TRANSLATE_NOOP("codelist", "0–11 (child)"),
    QT_TRANSLATE_NOOP("codelist", "12–17 (adolescent)"),
    QT_TRANSLATE_NOOP("codelist", "18–25"),
    QT_TRANSLATE_NOOP("codelist", "26–35"),
    QT_TRANSLATE_NOOP("codelist", "36–49"),
    QT_TRANSLATE_NOOP("codelist", "50–64"),
    QT_TRANSLATE_NOOP("codelist", "65 and over"),
    # document_types
    QT_TRANSLATE_NOOP("codelist", "Passport"),
    QT_TRANSLATE_NOOP(
        "codelist", "Ordinary national passport (ICAO Doc 9303 machine readable passport)."
    ),
    QT_TRANSLATE_NOOP("codelist", "Diplomatic passport"),
    QT_TRANSLATE_NOOP("codelist", "Service / official passport"),
    QT_TRANSLATE_NOOP("codelist", "Emergency travel document"),
    QT_TRANSLATE_NOOP("codelist", "Temporary document for a single journey, often to return home."),
    QT_TRANSLATE_NOOP("codelist", "Refugee travel document"),
    QT_TRANSLATE_NOOP("codelist", "Convention travel document issued to a recognised refugee."),
    QT_TRANSLATE_NOOP("codelist", "Identity card"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "National identity card, where accepted for travel (ICAO Doc 9303 machine readable official travel document).",
    ),
    QT_TRANSLATE_NOOP("codelist", "Visa"),
    QT_TRANSLATE_NOOP(
        "codelist", "Visa sticker or electronic visa (ICAO Doc 9303 machine readable visa)."
    ),
    QT_TRANSLATE_NOOP("codelist", "Residence permit"),
    QT_TRANSLATE_NOOP("codelist", "Border pass"),
    QT_TRANSLATE_NOOP("codelist", "Local border-traffic pass for residents of the border area."),
    QT_TRANSLATE_NOOP("codelist", "Seafarer's identity document"),
    QT_TRANSLATE_NOOP("codelist", "Identity document for seafarers (ILO Convention No. 185)."),
    QT_TRANSLATE_NOOP("codelist", "Laissez-passer"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Travel document issued by an international organisation, e.g. the United Nations.",
    ),
    # fraud_types
    QT_TRANSLATE_NOOP("codelist", "Counterfeit"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Complete reproduction of a genuine document, not made by the issuing authority.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Forged"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Genuine document with unauthorised changes: data altered, photo or pages substituted.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Fraudulently obtained genuine"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Genuine document issued on the basis of false information or false supporting documents.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Impostor / look-alike"),
    QT_TRANSLATE_NOOP(
        "codelist", "Genuine, unaltered document used by someone resembling the rightful holder."
    ),
    QT_TRANSLATE_NOOP("codelist", "Pseudo / fantasy document"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Document of a non-existent state or authority, or of a type the authority does not issue.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Stolen blank"),
    QT_TRANSLATE_NOOP(
        "codelist", "Genuine blank stolen before issue and personalised without authority."
    ),
    QT_TRANSLATE_NOOP("codelist", "No fraud detected"),
    QT_TRANSLATE_NOOP("codelist", "Document examined; no sign of fraud found."),
    # document_features
    QT_TRANSLATE_NOOP("codelist", "Photo substitution"),
    QT_TRANSLATE_NOOP("codelist", "Data page alteration"),
    QT_TRANSLATE_NOOP("codelist", "Biographical data erased, overwritten or changed."),
    QT_TRANSLATE_NOOP("codelist", "Page substitution"),
    QT_TRANSLATE_NOOP("codelist", "Pages removed, added or exchanged."),
    QT_TRANSLATE_NOOP("codelist", "Binding tampering"),
    QT_TRANSLATE_NOOP("codelist", "Stitching or binding reworked."),
    QT_TRANSLATE_NOOP("codelist", "Laminate tampering"),
    QT_TRANSLATE_NOOP("codelist", "Protective laminate lifted, cut or replaced."),
    QT_TRANSLATE_NOOP("codelist", "Fake visa"),
    QT_TRANSLATE_NOOP("codelist", "Fake entry stamp"),
    QT_TRANSLATE_NOOP("codelist", "Fake exit stamp"),
    QT_TRANSLATE_NOOP("codelist", "Missing security thread"),
    QT_TRANSLATE_NOOP("codelist", "Hologram missing or wrong"),
    QT_TRANSLATE_NOOP(
        "codelist", "Optically variable feature missing, flat or not matching the specimen."
    ),
    QT_TRANSLATE_NOOP("codelist", "Poor printing quality"),
    QT_TRANSLATE_NOOP(
        "codelist", "Blurred lines, screen dots or colour shifts where fine printing is expected."
    ),
    QT_TRANSLATE_NOOP("codelist", "Wrong UV reaction"),
    QT_TRANSLATE_NOOP(
        "codelist", "Paper fluoresces or UV features missing or not matching the specimen."
    ),
    QT_TRANSLATE_NOOP("codelist", "MRZ inconsistent"),
    QT_TRANSLATE_NOOP(
        "codelist", "Machine readable zone does not match the visual zone or its check digits fail."
    ),
    QT_TRANSLATE_NOOP("codelist", "Chip unreadable or invalid"),
    QT_TRANSLATE_NOOP(
        "codelist", "Electronic chip missing, unreadable or failing signature checks."
    ),
    # transport_modes
    QT_TRANSLATE_NOOP("codelist", "On foot"),
    QT_TRANSLATE_NOOP("codelist", "Road"),
    QT_TRANSLATE_NOOP("codelist", "Rail"),
    QT_TRANSLATE_NOOP("codelist", "Boat"),
    QT_TRANSLATE_NOOP("codelist", "Air"),
    QT_TRANSLATE_NOOP("codelist", "Mixed"),
    # modus_operandi_tags
    QT_TRANSLATE_NOOP("codelist", "Concealment in vehicle"),
    QT_TRANSLATE_NOOP("codelist", "Persons hidden in a car, van, bus or truck compartment."),
    QT_TRANSLATE_NOOP("codelist", "Concealment in cargo"),
    QT_TRANSLATE_NOOP("codelist", "Persons hidden among goods or in containers."),
    QT_TRANSLATE_NOOP("codelist", "River crossing"),
    QT_TRANSLATE_NOOP("codelist", "Crossing a border river by small boat, raft or wading."),
    QT_TRANSLATE_NOOP("codelist", "Forest or hill path"),
    QT_TRANSLATE_NOOP(
        "codelist", "Unofficial path through forest or hills away from a crossing point."
    ),
    QT_TRANSLATE_NOOP("codelist", "Boat landing"),
    QT_TRANSLATE_NOOP("codelist", "Landing from a boat at an unofficial point on the coast."),
    QT_TRANSLATE_NOOP("codelist", "Guided group"),
    QT_TRANSLATE_NOOP(
        "codelist", "Group led across by a guide who knows the terrain and patrol times."
    ),
    QT_TRANSLATE_NOOP("codelist", "Relay transport"),
    QT_TRANSLATE_NOOP(
        "codelist", "Persons handed over between several drivers or vehicles along the route."
    ),
    QT_TRANSLATE_NOOP("codelist", "Safe house"),
    QT_TRANSLATE_NOOP("codelist", "Persons held at a staging house before or after the crossing."),
    QT_TRANSLATE_NOOP("codelist", "Fraudulent job offer"),
    QT_TRANSLATE_NOOP("codelist", "Recruitment with a job offer that is false or misleading."),
    QT_TRANSLATE_NOOP("codelist", "Debt bondage"),
    QT_TRANSLATE_NOOP("codelist", "Travel costs turned into a debt to be worked off."),
    QT_TRANSLATE_NOOP("codelist", "Document withholding"),
    QT_TRANSLATE_NOOP(
        "codelist", "Identity or travel documents kept by an employer, recruiter or smuggler."
    ),
    QT_TRANSLATE_NOOP("codelist", "Look-alike document"),
    QT_TRANSLATE_NOOP("codelist", "Genuine document of another person who looks similar."),
    QT_TRANSLATE_NOOP("codelist", "Visa misuse"),
    QT_TRANSLATE_NOOP("codelist", "Tourist or visit visa used to enter for work or onward travel."),
    QT_TRANSLATE_NOOP("codelist", "Overstay"),
    QT_TRANSLATE_NOOP("codelist", "Stay beyond the permitted period."),
    QT_TRANSLATE_NOOP("codelist", "Sham marriage"),
    QT_TRANSLATE_NOOP("codelist", "Marriage of convenience to obtain residence rights."),
    QT_TRANSLATE_NOOP("codelist", "Online recruitment"),
    QT_TRANSLATE_NOOP(
        "codelist", "Contact and recruitment through social media or messaging apps."
    ),
    QT_TRANSLATE_NOOP("codelist", "Payment on arrival"),
    QT_TRANSLATE_NOOP("codelist", "Fee paid by relatives once the person has arrived."),
    QT_TRANSLATE_NOOP("codelist", "Informal value transfer"),
    QT_TRANSLATE_NOOP("codelist", "Payment through informal transfer networks or mobile money."),
    QT_TRANSLATE_NOOP("codelist", "Bribery attempt"),
    QT_TRANSLATE_NOOP("codelist", "Attempt to bribe an official to allow passage."),
    QT_TRANSLATE_NOOP("codelist", "Lookouts"),
    QT_TRANSLATE_NOOP("codelist", "Lookouts or scouts watching patrols to time the crossing."),
    QT_TRANSLATE_NOOP("codelist", "Escorted minors"),
    QT_TRANSLATE_NOOP(
        "codelist", "Children travelling with adults who are not their parents or guardians."
    ),
    # tlp
    QT_TRANSLATE_NOOP("codelist", "TLP:CLEAR"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Disclosure is not limited: recipients may pass it on to anyone. Ordinary copyright rules still apply.",
    ),
    QT_TRANSLATE_NOOP("codelist", "TLP:GREEN"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Limited disclosure within the community: recipients may share it with peers and partner organisations, but not through public channels.",
    ),
    QT_TRANSLATE_NOOP("codelist", "TLP:AMBER"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Limited disclosure: recipients may share it only on a need-to-know basis within their own organisation and with its clients.",
    ),
    QT_TRANSLATE_NOOP("codelist", "TLP:AMBER+STRICT"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Limited disclosure, organisation only: recipients may share it on a need-to-know basis within their own organisation, not with its clients.",
    ),
    QT_TRANSLATE_NOOP("codelist", "TLP:RED"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "For the named recipients only: no further disclosure, not even inside their own organisation.",
    ),
    # reliability
    QT_TRANSLATE_NOOP("codelist", "Completely reliable"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "No doubt about authenticity, trustworthiness or competence; a history of complete reliability.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Usually reliable"),
    QT_TRANSLATE_NOOP("codelist", "Minor doubts; a history of mostly valid information."),
    QT_TRANSLATE_NOOP("codelist", "Fairly reliable"),
    QT_TRANSLATE_NOOP("codelist", "Some doubts; has given valid information in the past."),
    QT_TRANSLATE_NOOP("codelist", "Not usually reliable"),
    QT_TRANSLATE_NOOP("codelist", "Significant doubts; has given valid information in the past."),
    QT_TRANSLATE_NOOP("codelist", "Unreliable"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Lacks authenticity, trustworthiness and competence; a history of invalid information.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Reliability cannot be judged"),
    QT_TRANSLATE_NOOP("codelist", "No basis to evaluate the source."),
    # credibility
    QT_TRANSLATE_NOOP("codelist", "Confirmed by other sources"),
    QT_TRANSLATE_NOOP(
        "codelist",
        "Confirmed by independent sources; logical in itself; consistent with other information.",
    ),
    QT_TRANSLATE_NOOP("codelist", "Probably true"),
    QT_TRANSLATE_NOOP(
        "codelist", "Not confirmed; logical in itself; consistent with other information."
    ),
    QT_TRANSLATE_NOOP("codelist", "Possibly true"),
    QT_TRANSLATE_NOOP(
        "codelist", "Not confirmed; reasonably logical; agrees with some other information."
    ),
    QT_TRANSLATE_NOOP("codelist", "Doubtful"),
    QT_TRANSLATE_NOOP(
        "codelist", "Not confirmed; possible but not logical; no other information on the subject."
    ),
    QT_TRANSLATE_NOOP("codelist", "Improbable"),
    QT_TRANSLATE_NOOP(
        "codelist", "Not confirmed; not logical in itself; contradicted by other information."
    ),
    QT_TRANSLATE_NOOP("codelist", "Truth cannot be judged"),
    QT_TRANSLATE_NOOP("codelist", "No basis to evaluate the validity of the information."),
)
