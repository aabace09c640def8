"""The portal's forms: `accounts` (sign-up, colleagues), `organisation` (profile, venues),
`activities` (an activity with its sessions, walk-ins)."""
