"""Who may do what with received DHIS2 values in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReceivedPolicy(ModelPermissionPolicy):
    """Received values are read and deleted in the admin, never added or edited by hand:
    they enter only through the import, which checks them (superusers included)."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
