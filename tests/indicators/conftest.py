# The plans app's fixtures, for the dashboard tests that follow a plan.
from tests.plans.conftest import period, plan_workflow  # noqa: F401
