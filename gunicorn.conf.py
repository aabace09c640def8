"""Gunicorn settings for Week 3's app server, read from the environment (see .env.example)."""

import os


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # respects a container's CPU set
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT') or '8000'}"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * _cpu_count() + 1, 8))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# Recycle workers now and then so a slow leak never grows; jitter staggers the restarts.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
# Only these peers may set the scheme gunicorn reports. Django itself trusts X-Forwarded-Proto
# (SECURE_PROXY_SSL_HEADER), so the proxy in front must always overwrite that header.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
preload_app = False
# Workers' heartbeat files on tmpfs: a slow container disk then cannot get them killed.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
# Gunicorn 25+ opens a control socket in $HOME (shared by every instance of the user, and a
# non-root container user may have no home): we manage the server with signals instead.
control_socket_disable = True
