"""The Open311 GeoReport v2 API of the feedback channel, for apps on phones.

``/open311/v2/`` answers the spec's methods (services, a service definition,
POST and GET requests, one request) in XML and JSON, with the spec's error
list; ``/open311/discovery.{xml,json}`` is its service discovery file. The
choices this server makes where the spec leaves room (how a commune is named,
how consent is given, what a GET may show) are in docs/operations.md and
``views.py``.
"""
