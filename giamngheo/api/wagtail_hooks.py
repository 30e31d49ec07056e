from wagtail import hooks

from .viewsets import UnitApiKeyViewSet


@hooks.register("register_admin_viewset")
def register_api_key_viewset() -> UnitApiKeyViewSet:
    return UnitApiKeyViewSet("api_keys")
