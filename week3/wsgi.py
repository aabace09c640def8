"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

from week3.uploads import return_large_buffers_to_the_os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "week3.settings")

# Decoded uploads are large: their memory goes back to the system, not to a thread's heap.
return_large_buffers_to_the_os()
application = get_wsgi_application()
