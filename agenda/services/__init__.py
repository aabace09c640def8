"""Everything that writes the agenda's data, by topic (see each module); views stay thin.

Bottom to top: `errors`; `reservation_mail` (the e-mails about a place) ← `reservations` (places
and the waiting list) ← `sessions` (a session's time, place and capacity) ← `drafts` (the data
a provider edits) ← `moderation` (the state machine) ← `activities` (create, save, copy);
beside them `attendance`, `scheduled` (reminders, retention), `preview`, `editions`, `venues`.
"""
