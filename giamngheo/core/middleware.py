from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the visitor chose another language.

    Django's LocaleMiddleware follows the browser's Accept-Language, so an
    officer on a laptop set up in English would get an English back office.
    Here only an explicit choice (the language cookie set by /i18n/setlang/)
    switches the language; staff may also pick one in their Wagtail account.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen and check_for_language(chosen) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class RefuseNulInQueryMiddleware:
    """A query string with a NUL character answers 400, whatever the view.

    No one types one; PostgreSQL refuses to store or compare text holding it, so
    a search or a filter given ``%00`` would fail deep in a query (found by the
    property-based tests). Forms already refuse it field by field.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in text for key, values in request.GET.lists() for text in [key, *values]):
            return HttpResponseBadRequest(
                _("The address contains a character that is not allowed."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
