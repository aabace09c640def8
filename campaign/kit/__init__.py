"""The promotion kit: everything a provider hands out, generated from the activity's own data
(content), as QR codes (qr), share images (images), ready-to-copy texts (texts), kept in
storage per version (storage)."""
