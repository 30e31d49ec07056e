from wagtail import hooks

from .viewsets import EvaluationViewSetGroup


@hooks.register("register_admin_viewset")
def register_evaluation_viewsets():
    return EvaluationViewSetGroup()
