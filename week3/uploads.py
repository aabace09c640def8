"""The limits of a form post with files (multipart), before any view sees it.

Django limits the form fields of a post (DATA_UPLOAD_MAX_MEMORY_SIZE, …) but not its files.
This handler, the first of FILE_UPLOAD_HANDLERS, refuses a body larger than REQUEST_MAX_BYTES
before reading it (the "too large" page, week3.views.bad_request), and keeps no more than
IMAGE_MAX_BYTES of a file: what follows is read and dropped, and the form gets a stand-in of
the file's real size, which providers.images refuses with its own message while the other
fields keep their values.
"""

import ctypes
import ctypes.util
import io

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def return_large_buffers_to_the_os(threshold: int = 1024 * 1024) -> bool:
    """Let glibc map every allocation of `threshold` bytes or more, and give it back when freed.

    By default glibc raises that threshold after the first large free, so the 16 MB blocks of a
    decoded photo then come from each thread's own heap and stay there: a worker with four
    threads that took four large uploads kept ~400 MB instead of ~250 MB (bench/uploads.py).
    Called once per process by week3.wsgi; False where the C library is not glibc.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        return bool(libc.mallopt(M_MMAP_THRESHOLD, threshold))
    except (OSError, AttributeError, TypeError):
        return False


class OversizedUpload(UploadedFile):
    """A file that was larger than IMAGE_MAX_BYTES: its name and size, not its content."""

    def __init__(self, name, content_type, size):
        super().__init__(io.BytesIO(), name, content_type, size)


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.REQUEST_MAX_BYTES:
            raise RequestDataTooBig("Request body exceeded settings.REQUEST_MAX_BYTES.")
        return None  # the next handlers parse it

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.IMAGE_MAX_BYTES:
            self.too_large = True
        # None: the handlers after this one (memory, temporary file) get no more of it.
        return None if self.too_large else raw_data

    def file_complete(self, file_size):
        if self.too_large:
            return OversizedUpload(self.file_name, self.content_type, file_size)
        return None
