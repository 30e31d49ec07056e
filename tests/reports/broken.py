def section(*, period, scope):
    raise ValueError("no data source")
