# Week 3's production image: gunicorn behind a TLS-terminating proxy, static files from WhiteNoise.
# Configure it with environment variables (.env.example). One image for every role: the entrypoint
# migrates and starts gunicorn (`web`, the default), or runs the worker (`worker`): see bin/entrypoint.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /app

COPY pyproject.toml ./
COPY week3 week3
COPY outbox outbox
COPY providers providers
COPY agenda agenda
COPY portal portal
COPY campaign campaign
RUN pip install --no-cache-dir . \
    && rm -rf build ./*.egg-info

COPY templates templates
COPY static static
COPY locale locale
COPY manage.py gunicorn.conf.py ./
COPY bin bin

# The app runs as week3, which may write only the SQLite fallback (var/) and uploads (media/).
RUN useradd --create-home --shell /usr/sbin/nologin week3 \
    && mkdir -p var media \
    && chown week3:week3 var media

# Settings need a SECRET_KEY to load; this one exists for this build step only.
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput --verbosity 0

USER week3
EXPOSE 8000

# Sends what the proxy would: a host from ALLOWED_HOSTS and X-Forwarded-Proto (else: 400 or 301).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); h = 'localhost' if h in ('', '*') else h; r.urlopen(r.Request('http://127.0.0.1:%s/healthz' % (os.environ.get('PORT') or '8000'), headers={'Host': h, 'X-Forwarded-Proto': 'https'}), timeout=4)"]

ENTRYPOINT ["bin/entrypoint"]
