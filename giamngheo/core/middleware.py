from django.conf import settings
from django.utils import translation
from django.utils.translation import check_for_language


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
