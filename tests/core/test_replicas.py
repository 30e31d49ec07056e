"""Which requests may read from the replica, and the cookie of a client that wrote.

The reads themselves are proven against a real streaming replica in
tests/deploy/test_replica.py; these run on every database.
"""

from django.http import HttpResponse
from django.test import RequestFactory

from giamngheo.core.replicas import WROTE_COOKIE, ReplicaMiddleware, may_read_from_replica

factory = RequestFactory()


def test_only_gets_of_the_heavy_read_addresses_go_to_the_replica():
    assert may_read_from_replica(factory.get("/admin/kpi/"))
    assert may_read_from_replica(factory.get("/api/v1/periods"))
    assert may_read_from_replica(factory.head("/ket-qua/"))
    assert not may_read_from_replica(factory.post("/api/v1/radio-programmes"))
    assert not may_read_from_replica(factory.get("/admin/plans/"))
    assert not may_read_from_replica(factory.get("/phan-anh/"))


def test_a_client_that_just_wrote_reads_from_the_primary():
    request = factory.get("/api/v1/periods")
    request.COOKIES[WROTE_COOKIE] = "1"
    assert not may_read_from_replica(request)


def test_a_write_leaves_the_short_lived_cookie(settings):
    settings.REPLICA_AFTER_WRITE_SECONDS = 10
    middleware = ReplicaMiddleware(lambda request: HttpResponse())
    written = middleware(factory.post("/api/v1/radio-programmes"))
    assert written.cookies[WROTE_COOKIE]["max-age"] == 10
    assert written.cookies[WROTE_COOKIE]["httponly"]
    assert WROTE_COOKIE not in middleware(factory.get("/api/v1/periods")).cookies
