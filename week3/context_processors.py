"""Template context every page needs: the language switcher's links."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request):
    path = request.get_full_path()
    current = get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                "is_current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ],
        "site_url": settings.SITE_URL,
    }
