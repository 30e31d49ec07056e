# The plans app's fixtures, for the dashboard tests that follow a plan.
from tests.plans.conftest import period, plan_workflow  # noqa: F401
from tests.reports.conftest import report_files  # noqa: F401  (the 2026 report test)
