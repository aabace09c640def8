"""Gunicorn settings for Week 3's app server, read from the environment (see .env.example)."""

import os


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # respects a container's CPU set
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT') or '8000'}"
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * _cpu_count() + 1, 8))
# Threads let a worker keep connections alive and overlap database waits; the app keeps no
# per-request state outside the request, so it is thread-safe.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS") or "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = 30
graceful_timeout = 20
# Recycling workers is off by default: a restart costs a second of a worker and empties its
# page cache. Set GUNICORN_MAX_REQUESTS if a leak ever needs it; jitter staggers the restarts.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 0)
max_requests_jitter = max_requests // 10
# A kept-alive connection serves at most this many requests (0: no limit); the answer to the last
# one says "Connection: close" and the client opens a new connection, which whichever worker's
# main loop accepts first keeps (nginx's keepalive_requests, Apache's MaxKeepAliveRequests).
# Without it a gthread worker keeps every connection it once accepted for good: the few
# connections a proxy or a load test opens at once can all land on one worker, which then serves
# every request on one core while the others idle (docs/operations.md).
keepalive_requests = max(int(os.environ.get("GUNICORN_KEEPALIVE_REQUESTS") or 100), 0)


def pre_request(worker, req):
    # req_number: the request's place on its HTTP/1 connection. (An HTTP/2 connection carries
    # many requests at once, numbered by stream, and is not ended this way.)
    if keepalive_requests and req.version < (2, 0) and req.req_number >= keepalive_requests:
        req.must_close = True


accesslog = "-"
errorlog = "-"
# The standard access-log line without query strings and without the secrets in our e-mailed
# links (reservation, confirmation, invitation and password links): week3/access_log.py.
logger_class = "week3.access_log.PrivateAccessLogger"
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
