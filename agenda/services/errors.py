"""Why a step is refused, in words for the person who tried it."""


class ModerationError(Exception):
    """A step the state machine or the edition's rules do not allow; the message says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ReservationError(Exception):
    """Why a reservation cannot be made or changed; `code` says it for code."""

    def __init__(self, message, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
