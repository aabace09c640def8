"""The smallest WSGI app, for tests of how gunicorn as configured handles connections."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]
