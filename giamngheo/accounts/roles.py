"""The roles of DESIGN.md §2 as Wagtail groups with their permissions.

Roles are data kept in step by ``sync_roles`` (run after every migrate and by
``manage.py sync_roles``): adding a permission here and migrating is enough.
Scoping by unit is separate (``accounts.scoping``); a role only says which
actions its members may take.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ACCESS_ADMIN = "wagtailadmin.access_admin"
# Every domain model a unit reports on; each later app adds its own here.
UNIT_RECORDS = [
    "broadcasts.broadcast",
    "training.trainingcourse",
    "training.attendance",
    "training.cadre",
    "activities.activity",
    "network.communicator",
]
# The kinds of activity (data): the province keeps them.
ACTIVITY_KINDS = ["activities.activitykind"]
VIEW_UNITS = ["units.view_unit", "units.view_unitsuccession"]
# Communication plans: districts draft and submit them, the province approves
# (Wagtail publishes on approval, so approvers need "publish") and may lock.
PLANS = ["plans.communicationplan"]
APPROVE_PLANS = [
    "plans.publish_communicationplan",
    "plans.lock_communicationplan",
    "plans.unlock_communicationplan",
]
# The signed plan is a Wagtail document: upload it and pick it in the form.
PLAN_DOCUMENTS = ("add_document", "choose_document")
# Reading the KPI dashboard; managing periods, indicators and targets.
VIEW_INDICATORS = ["indicators.view_indicator"]
# Province staff confirm a draft period's targets, or edit them first (targets are data);
# creating periods and indicators stays with the system administrator.
CONFIRM_TARGETS = [
    "indicators.view_programmeperiod",
    "indicators.change_programmeperiod",
    "indicators.view_target",
    "indicators.add_target",
    "indicators.change_target",
]
MANAGE_INDICATORS = [
    f"indicators.{action}_{model}"
    for model in ("programmeperiod", "indicator", "target")
    for action in ("add", "change", "delete", "view")
]
# Poverty figures: each unit enters its own (districts theirs and their communes'),
# the province all; leaders read them.
POVERTY_FIGURES = ["poverty.povertystatistic"]
# Approving poverty figures (a unit's figures are public only once approved).
APPROVE_POVERTY_FIGURES = ["poverty.publish_povertystatistic"]
# Reopening a locked week of commune radio (districts and the province).
REOPEN_WEEKS = ["broadcasts.change_weeklylog", "broadcasts.view_weekreopening"]


def _crud(models: list[str]) -> list[str]:
    return [
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in ("add", "change", "delete", "view")
    ]


def _view(models: list[str]) -> list[str]:
    return [f"{m.split('.')[0]}.view_{m.split('.')[1]}" for m in models]


# Citizens' feedback: handlers see contact details and act on the cases in their
# scope; assigning is for the province and districts; the province publishes Q&A,
# keeps categories, deadlines and answer templates, reads the access log and gives
# apps their Open311 API keys.
HANDLE_FEEDBACK = ["feedback.view_feedback", "feedback.add_feedback", "feedback.handle_feedback"]
ASSIGN_FEEDBACK = ["feedback.assign_feedback"]
MANAGE_FEEDBACK = [
    "feedback.publish_feedback",
    "accounts.view_personaldataaccess",
    *_crud(["feedback.feedbackcategory", "feedback.answertemplate", "feedback.apikey"]),
]
# The data API's unit keys: the province issues and revokes them.
MANAGE_API_KEYS = _crud(["api.unitapikey"])

# Online contests: the province runs them (contests, rounds, the question bank)
# and sees the participants with their phones; leaders, districts and communes
# read the results of their own units' participants, without phones.
RUN_CONTESTS = [
    *_crud(["contests.contest", "contests.round", "contests.question"]),
    "contests.view_participant",
    "contests.view_attempt",
]
VIEW_CONTEST_RESULTS = ["contests.view_contest", "contests.view_round", "contests.view_attempt"]

# Policy dialogues and polls: the officers of a dialogue's unit publish, hide and
# answer its citizens' questions (the dialogue pages are the editors'); the province
# also deletes questions and runs the portal's polls; leaders read both.
MODERATE_QUESTIONS = [
    "engagement.view_policydialogue",
    "engagement.add_dialoguequestion",
    "engagement.change_dialoguequestion",
    "engagement.view_dialoguequestion",
]
RUN_POLLS = [*_crud(["engagement.poll"]), "engagement.delete_dialoguequestion"]
VIEW_ENGAGEMENT = [
    "engagement.view_policydialogue",
    "engagement.view_dialoguequestion",
    "engagement.view_poll",
]

# Supervision and evaluation: the province runs it and keeps the checklist; a
# district plans and records visits of its communes; the visited units follow
# up the recommendations addressed to them; leaders read.
VISITS = [
    "evaluation.view_supervisionvisit",
    "evaluation.change_supervisionvisit",
    "evaluation.delete_supervisionvisit",
    "evaluation.record_supervisionvisit",
]
FOLLOW_UP = ["evaluation.view_recommendation", "evaluation.follow_up_recommendation"]
PLAN_EVALUATIONS = [
    *_crud(["evaluation.supervisionplan"]),
    *VISITS,
    *FOLLOW_UP,
    "evaluation.change_recommendation",
    "evaluation.delete_recommendation",
]
RUN_EVALUATIONS = [
    *PLAN_EVALUATIONS,
    *_crud(["evaluation.criterion", "evaluation.ratingthreshold"]),
]
FOLLOW_UP_EVALUATIONS = ["evaluation.view_supervisionvisit", *FOLLOW_UP]
VIEW_EVALUATIONS = _view(
    [
        "evaluation.supervisionplan",
        "evaluation.supervisionvisit",
        "evaluation.recommendation",
        "evaluation.criterion",
        "evaluation.ratingthreshold",
    ]
)
# The annual report: generating one only writes its files (it changes no record), so
# those who read the unit's figures make and download it, leaders included; the scope
# (province, or one's district) still applies; province staff also make a commune's
# report on the two-level map (a commune officer does not: their commune's figures
# reach the province through its records).
MAKE_REPORTS = ["reports.add_generatedreport", "reports.view_generatedreport"]
# Who issues reports and to whom (versioned, ADR 0010): the province keeps it.
ISSUING_BODIES = [
    "reports.add_issuingbody",
    "reports.change_issuingbody",
    "reports.delete_issuingbody",
    "reports.view_issuingbody",
]
# Exchange with DHIS2-style systems: the province keeps the mappings (data), exports
# indicator values, imports the values it receives and may delete a wrong import.
DHIS2_EXCHANGE = [
    *_crud(["opendata.dataelementmapping", "opendata.orgunitmapping"]),
    "opendata.view_receivedbatch",
    "opendata.delete_receivedbatch",
    "opendata.view_receivedvalue",
    "opendata.import_receivedvalue",
]


@dataclass(frozen=True)
class Role:
    code: str
    name: str  # the group's name, shown in the admin: Vietnamese by design
    permissions: tuple[str, ...]
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    description: str = ""


ROLES = [
    Role(
        "system_admin",
        "Quản trị hệ thống",
        (
            ACCESS_ADMIN,
            *VIEW_UNITS,
            "units.change_unit",
            "units.add_unitsuccession",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.delete_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            *_crud(UNIT_RECORDS),
            *_crud(ACTIVITY_KINDS),
            *_crud(POVERTY_FIGURES),
            *APPROVE_POVERTY_FIGURES,
            *_crud(PLANS),
            *APPROVE_PLANS,
            *MANAGE_INDICATORS,
            *REOPEN_WEEKS,
            *HANDLE_FEEDBACK,
            *ASSIGN_FEEDBACK,
            *MANAGE_FEEDBACK,
            *MANAGE_API_KEYS,
            *RUN_CONTESTS,
            *MODERATE_QUESTIONS,
            *RUN_POLLS,
            *RUN_EVALUATIONS,
            "broadcasts.change_radioreportingsettings",
            *MAKE_REPORTS,
            *ISSUING_BODIES,
            *DHIS2_EXCHANGE,
        ),
        description=_("Everything, users and settings."),
    ),
    Role(
        "province_staff",
        "Cán bộ tỉnh",
        (
            ACCESS_ADMIN,
            *VIEW_UNITS,
            "units.add_unitsuccession",
            *_crud(UNIT_RECORDS),
            *_crud(ACTIVITY_KINDS),
            *_crud(POVERTY_FIGURES),
            *APPROVE_POVERTY_FIGURES,
            *_crud(PLANS),
            *APPROVE_PLANS,
            *VIEW_INDICATORS,
            *CONFIRM_TARGETS,
            *REOPEN_WEEKS,
            *HANDLE_FEEDBACK,
            *ASSIGN_FEEDBACK,
            *MANAGE_FEEDBACK,
            *MANAGE_API_KEYS,
            *RUN_CONTESTS,
            *MODERATE_QUESTIONS,
            *RUN_POLLS,
            *RUN_EVALUATIONS,
            *MAKE_REPORTS,
            *ISSUING_BODIES,
            *DHIS2_EXCHANGE,
        ),
        collection_permissions=PLAN_DOCUMENTS,
        description=_("All units' data; approves plans; runs evaluations; assigns feedback."),
    ),
    Role(
        "leader",
        "Lãnh đạo / Ban chỉ đạo",
        (
            ACCESS_ADMIN,
            *VIEW_UNITS,
            *_view(UNIT_RECORDS),
            *_view(POVERTY_FIGURES),
            *_view(PLANS),
            *VIEW_INDICATORS,
            "feedback.view_feedback",
            *VIEW_CONTEST_RESULTS,
            *VIEW_ENGAGEMENT,
            *VIEW_EVALUATIONS,
            *MAKE_REPORTS,
        ),
        description=_("Dashboards and reports, read-only."),
    ),
    Role(
        "district_officer",
        "Cán bộ huyện",
        (
            ACCESS_ADMIN,
            *VIEW_UNITS,
            *_crud(UNIT_RECORDS),
            *_crud(POVERTY_FIGURES),
            *_crud(PLANS),
            *VIEW_INDICATORS,
            *REOPEN_WEEKS,
            *HANDLE_FEEDBACK,
            *ASSIGN_FEEDBACK,
            *VIEW_CONTEST_RESULTS,
            *MODERATE_QUESTIONS,
            *PLAN_EVALUATIONS,
            *MAKE_REPORTS,
        ),
        collection_permissions=PLAN_DOCUMENTS,
        description=_("Own district and its communes."),
    ),
    Role(
        "commune_officer",
        "Cán bộ xã",
        (
            ACCESS_ADMIN,
            *VIEW_UNITS,
            *_crud(UNIT_RECORDS),
            *_crud(POVERTY_FIGURES),
            # On the two-level map a commune drafts and submits its own plan.
            *_crud(PLANS),
            *VIEW_INDICATORS,
            *HANDLE_FEEDBACK,
            *VIEW_CONTEST_RESULTS,
            *MODERATE_QUESTIONS,
            *FOLLOW_UP_EVALUATIONS,
        ),
        # The register's attachments (a leaflet, a report) are Wagtail documents.
        collection_permissions=PLAN_DOCUMENTS,
        description=_("Own commune only."),
    ),
    Role(
        "editor",
        "Biên tập viên",
        (ACCESS_ADMIN,),
        page_permissions=("add_page", "change_page"),
        collection_permissions=(
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ),
        description=_("Writes portal content; an approver publishes it."),
    ),
    Role(
        "approver",
        "Duyệt bài",
        (ACCESS_ADMIN,),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=(
            "add_image",
            "change_image",
            "choose_image",
            "delete_image",
            "add_document",
            "change_document",
            "choose_document",
            "delete_document",
        ),
        description=_("Reviews and publishes portal content."),
    ),
]
ROLE_BY_CODE = {role.code: role for role in ROLES}


def role_group(code: str) -> Group:
    return Group.objects.get(name=ROLE_BY_CODE[code].name)


def _permissions(names: tuple[str, ...]) -> list[Permission]:
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query))
    if len(found) != len(set(names)):
        known = {f"{p.content_type.app_label}.{p.codename}" for p in found}
        missing = sorted(set(names) - known)
        raise LookupError(f"Unknown permissions for roles: {missing}")
    return found


def sync_roles() -> list[Group]:
    """Create or update one group per role; idempotent."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_pages = list(Page.objects.filter(depth=2))
    root_collection = Collection.get_first_root_node()
    groups = []
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set(_permissions(role.permissions))
        for page in root_pages:
            for codename in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=page,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        if root_collection is not None:
            for codename in role.collection_permissions:
                app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=codename
                    ),
                )
        groups.append(group)
    return groups


def sync_roles_after_migrate(sender, using="default", **kwargs) -> None:
    # Only once every app has its permissions: accounts migrates early.
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles()
